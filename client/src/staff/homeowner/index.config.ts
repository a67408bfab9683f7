export default definePageConfig({ navigationBarTitleText: '业主查询' });
