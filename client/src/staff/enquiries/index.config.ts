export default definePageConfig({ navigationBarTitleText: '咨询与建议' });
