import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { SizeReportPlugin } from './sizeReport';

const sharedDir = path.resolve(__dirname, '../../shared');
const platform = process.env.TARO_ENV ?? 'weapp';

/**
 * The CloudBase environment id the mini program calls (`Taro.cloud.init`), fixed at build time. A weapp
 * build without it stops: there is no default environment that could be right. H5 (and so the local
 * host) never calls CloudBase and needs none.
 */
function cloudEnv(): string {
  const env = process.env.CLOUD_ENV?.trim() ?? '';
  if (env || process.env.TARO_ENV !== 'weapp') return env;
  const message = [
    '',
    '构建小程序需要云开发环境 ID：请设置 CLOUD_ENV，例如 CLOUD_ENV=huifang-prod-1a2b3c npm run build:weapp',
    '(环境 ID 是微信开发者工具「云开发」控制台里显示的完整字符串，见 docs/deploy.md)',
    'The weapp build needs the CloudBase environment id: set CLOUD_ENV, e.g. CLOUD_ENV=huifang-prod-1a2b3c npm run build:weapp',
    '(the id is the full string shown in the 云开发 console of WeChat DevTools; see docs/deploy.md)',
    '',
  ].join('\n');
  console.error(message);
  process.exit(1);
}
const CLOUD_ENV = cloudEnv();

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'huifang',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT: build elsewhere (the size budget test builds into build/, leaving dist/ alone)
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${platform}`,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(CLOUD_ENV),
    },
    alias: {
      '@shared': sharedDir,
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // prebundle needs a network-free esbuild pass over node_modules and has been brittle offline
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // SIZE_REPORT=<file>: write what each emitted .js file is made of (tests/integration/weapp-size.test.ts)
      webpackChain(chain) {
        // Our TypeScript modules do nothing on import but define things, so a page that uses one export
        // of a feature's index.ts (or of a shared module) does not pull in the rest of that feature: the
        // home page stays in the main package without the forms and queues the subpackages use.
        // Stylesheets are not covered: importing one is its effect.
        chain.module.rule('side-effect-free').test(/\.tsx?$/).include.add(path.resolve(__dirname, '../src')).add(sharedDir).end().set('sideEffects', false);
        chain.module
          .rule('zod-json-schema')
          .test(/[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/)
          .use('stand-in')
          .loader(path.resolve(__dirname, 'zodJsonSchemaStandIn.js'));
        if (process.env.SIZE_REPORT) chain.plugin('size-report').use(SizeReportPlugin, [process.env.SIZE_REPORT]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only initial chunks on H5, so every lazily loaded page would carry its own copy
      // of React helpers, zod and dayjs; share them between pages instead.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        chain.performance.hints(false);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
