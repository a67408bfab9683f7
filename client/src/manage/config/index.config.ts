export default definePageConfig({ navigationBarTitleText: '配置概览', enablePullDownRefresh: true });
