import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

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
    outputRoot: `dist/${platform}`,
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
