import { Text, View } from '@tarojs/components';
import type { CampaignReplies } from '@shared/campaign/api';
import { Screen } from '@/components/Screen';
import { Loadable } from '@/components/Loadable';
import { Empty } from '@/components/StateViews';
import { CampaignCard, fetchCampaigns } from '@/features/campaign';
import '../staff.scss';

function campaignsView({ campaigns }: CampaignReplies['list']) {
  if (campaigns.length === 0) {
    return <Empty icon='营' tone='blue' title='还没有营销活动' text='活动由管理员在云开发控制台创建（campaign.define），另一位管理员在这里审批，之后查看发送结果' />;
  }
  return (
    <View id='staff-campaigns'>
      <View className='staff-summary'>
        <Text>最近 {campaigns.length} 个活动 · 只发给发送时同意营销的业主</Text>
      </View>
      {campaigns.map((c) => (
        <CampaignCard key={c._id} campaign={c} />
      ))}
    </View>
  );
}

/** The admin's campaigns, read-only: each with its audience, channel, time and what became of its sends. */
export default function CampaignsPage() {
  return (
    <Screen>
      <Loadable load={fetchCampaigns}>{campaignsView}</Loadable>
    </Screen>
  );
}
