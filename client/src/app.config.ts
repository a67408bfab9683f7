/**
 * Which page lives in which package. WeChat downloads the main package before the first screen, so it
 * holds only the home page (and, in the H5 build, the dev persona picker). Every other page is its own
 * subpackage and keeps its path: `pages/<name>/index` is `{ root: 'pages/<name>', pages: ['index'] }`,
 * `staff/<name>/index` is `{ root: 'staff/<name>', pages: ['index'] }`. The managers' pages are one subpackage,
 * `{ root: 'manage', pages: ['reports/index', …] }` (same paths), so the chart library (F2) is in it once.
 * Code that pages in several subpackages share goes into each of them (Taro's optimizeMainPackage), not
 * into the main package.
 * A new page is one more name in HOMEOWNER_PAGES, STAFF_PAGES or MANAGE_PAGES (and a route in lib/routes.ts);
 * tests/integration/weapp-size.test.ts holds every package to its size budget.
 */

/** Homeowner pages outside the main package: pages/<name>/index. */
const HOMEOWNER_PAGES = ['repair-new', 'repairs', 'repair', 'complaint-new', 'complaints', 'complaint', 'survey', 'notices', 'consent', 'privacy', 'my-data', 'site', 'enquiry'];

/** Staff pages: staff/<name>/index. */
const STAFF_PAGES = ['queue', 'ticket', 'overdue', 'complaints', 'assigned', 'complaint', 'complaint-phone', 'projects', 'project', 'visit', 'calls', 'call', 'prospects', 'campaigns', 'homeowner', 'enquiries'];

/** Managers' and admins' pages (reports with their charts, the configuration summary): manage/<name>/index, one subpackage. */
const MANAGE_PAGES = ['reports', 'report', 'config'];

/**
 * What a staff page fetches in the background once it is open: the page its list leads to. Each preload
 * rule is bytes in app.json, which the main package carries, so staff pages do not all list each other
 * (that grows with the square of their number); a page opened from the home page downloads when tapped.
 */
const STAFF_PRELOADS: Record<string, string[]> = {
  queue: ['ticket'],
  overdue: ['ticket'],
  complaints: ['complaint'],
  assigned: ['complaint'],
  calls: ['call', 'complaint-phone'],
  projects: ['project'],
  project: ['visit'],
  homeowner: ['ticket', 'complaint'],
};

const HOME = 'pages/index/index';
const homeownerRoots = HOMEOWNER_PAGES.map((name) => `pages/${name}`);
const staffRoots = STAFF_PAGES.map((name) => `staff/${name}`);
const manage = { root: 'manage', pages: MANAGE_PAGES.map((name) => `${name}/index`) };

// The dev persona picker exists only in the H5 (local host) build.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/dev/index'] : [];

/** Each page of `roots` fetches the other packages of `roots` in the background once it is open. */
const preloadEachOther = (roots: string[]) =>
  roots.map((root) => [`${root}/index`, { network: 'all' as const, packages: roots.filter((r) => r !== root) }] as const);

export default defineAppConfig({
  pages: [HOME, ...devPages],
  subPackages: [...[...homeownerRoots, ...staffRoots].map((root) => ({ root, pages: ['index'] })), manage],
  // The home page fetches every homeowner page in the background, and each homeowner page the others,
  // so neither the first tap on 我的报修 nor a notice that opens a repair waits for a download. Staff
  // pages are not fetched for everyone: a staff list fetches the page it leads to (STAFF_PRELOADS).
  // WeChat allows 2 MB of preloading per package (checked by weapp-size.test.ts).
  preloadRule: Object.fromEntries([
    [HOME, { network: 'all', packages: homeownerRoots }],
    ...preloadEachOther(homeownerRoots),
    ...Object.entries(STAFF_PRELOADS).map(([page, next]) => [`staff/${page}/index`, { network: 'all' as const, packages: next.map((n) => `staff/${n}`) }] as const),
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
