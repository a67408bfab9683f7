export default definePageConfig({ navigationBarTitleText: '意向客户跟进' });
