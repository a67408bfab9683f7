export default definePageConfig({ navigationBarTitleText: '指派给我', enablePullDownRefresh: true });
