export default definePageConfig({ navigationBarTitleText: '工地节点' });
