export default definePageConfig({ navigationBarTitleText: '营销消息与勿扰' });
