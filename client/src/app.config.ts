/**
 * Which page lives in which package. WeChat downloads the main package before the first screen, so it
 * holds only the home page (and, in the H5 build, the dev persona picker). Every other page is its own
 * subpackage and keeps its path: `pages/<name>/index` is `{ root: 'pages/<name>', pages: ['index'] }`,
 * `staff/<name>/index` is `{ root: 'staff/<name>', pages: ['index'] }`. Code that pages in several
 * subpackages share goes into each of them (Taro's optimizeMainPackage), not into the main package.
 * A new page is one more name in HOMEOWNER_PAGES, STAFF_PAGES or MANAGE_PAGES (and a route in lib/routes.ts);
 * tests/integration/weapp-size.test.ts holds every package to its size budget.
 */

/** Homeowner pages outside the main package: pages/<name>/index. */
const HOMEOWNER_PAGES = ['repair-new', 'repairs', 'repair', 'complaint-new', 'complaints', 'complaint', 'survey', 'notices', 'consent', 'privacy', 'my-data'];

/** Staff pages: staff/<name>/index. */
const STAFF_PAGES = ['queue', 'ticket', 'overdue', 'complaints', 'assigned', 'complaint', 'complaint-phone', 'projects', 'project', 'calls', 'call', 'prospects', 'homeowner'];

/** Managers' and admins' pages (reports with their charts, the configuration summary): manage/<name>/index. */
const MANAGE_PAGES = ['reports', 'report', 'config'];

const HOME = 'pages/index/index';
const homeownerRoots = HOMEOWNER_PAGES.map((name) => `pages/${name}`);
const staffRoots = STAFF_PAGES.map((name) => `staff/${name}`);
const manageRoots = MANAGE_PAGES.map((name) => `manage/${name}`);

// The dev persona picker exists only in the H5 (local host) build.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/dev/index'] : [];

/** Each page of `roots` fetches the other packages of `roots` in the background once it is open. */
const preloadEachOther = (roots: string[]) =>
  roots.map((root) => [`${root}/index`, { network: 'all' as const, packages: roots.filter((r) => r !== root) }] as const);

export default defineAppConfig({
  pages: [HOME, ...devPages],
  subPackages: [...homeownerRoots, ...staffRoots, ...manageRoots].map((root) => ({ root, pages: ['index'] })),
  // The home page fetches every homeowner page in the background, and each homeowner page the others,
  // so neither the first tap on 我的报修 nor a notice that opens a repair waits for a download. Staff
  // pages are not fetched for everyone: a staff member's first staff page downloads itself, then fetches
  // the other staff pages. WeChat allows 2 MB of preloading per package (checked by weapp-size.test.ts).
  preloadRule: Object.fromEntries([
    [HOME, { network: 'all', packages: homeownerRoots }],
    ...preloadEachOther(homeownerRoots),
    // 业主查询 (customer service, from the home page) is fetched when first opened: one more page in this
    // ring would add to app.json, which is in the main package, for every staff page
    ...preloadEachOther(staffRoots.filter((root) => root !== 'staff/homeowner')),
    ...preloadEachOther(manageRoots),
  ]),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '售后服务',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  lazyCodeLoading: 'requiredComponents',
});
