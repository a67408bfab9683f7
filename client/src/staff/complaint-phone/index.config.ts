export default definePageConfig({ navigationBarTitleText: '登记电话投诉' });
