// Homeowner pages live in the main package; staff pages in the `staff` subpackage and managers' reports in
// `manage`, each loaded on demand.
// The dev persona picker exists only in the H5 (local host) build.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/dev/index'] : [];

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/repair-new/index',
    'pages/repairs/index',
    'pages/repair/index',
    'pages/complaint-new/index',
    'pages/complaints/index',
    'pages/complaint/index',
    'pages/survey/index',
    ...devPages,
  ],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'queue/index',
        'ticket/index',
        'overdue/index',
        'complaints/index',
        'complaint/index',
        'complaint-phone/index',
        'projects/index',
        'project/index',
        'calls/index',
        'call/index',
      ],
    },
    // managers' reports with their charts: a subpackage of its own, so neither the main package nor staff grows
    { root: 'manage', pages: ['reports/index', 'report/index', 'config/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '售后服务',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  lazyCodeLoading: 'requiredComponents',
});
