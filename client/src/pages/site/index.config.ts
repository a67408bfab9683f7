export default definePageConfig({ navigationBarTitleText: '工地照片' });
