export default definePageConfig({ navigationBarTitleText: '服务回访' });
