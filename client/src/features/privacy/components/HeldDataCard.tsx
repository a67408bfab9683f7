import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import type { DataCopy } from '@shared/privacy/api';

/**
 * What else we hold: the homes, how many records of each kind, the marketing messages we sent her
 * (when, which campaign, which channel), and how often staff looked. Ids: `#held-data`, `#held-data-marketing`.
 */
/** '3 条，其中 1 条有您的签名' */
function siteRecords(visits: DataCopy['siteVisits']): string {
  const signed = visits.filter((v) => v.signature).length;
  return signed ? `${visits.length} 条，其中 ${signed} 条有您的签名` : `${visits.length} 条`;
}

export function HeldDataCard({ copy }: { copy: DataCopy }) {
  const rows: [string, string][] = [
    ['报修记录', `${copy.repairs.length} 条`],
    ['投诉记录', `${copy.complaints.length} 条`],
    ['咨询与建议', `${copy.enquiries.length} 条`],
    ['回访问卷回答', `${copy.surveyAnswers.length} 份`],
    ['工地照片和上门回访', siteRecords(copy.siteVisits)],
    ['营销同意记录', `${copy.consent.history.length} 条`],
    ['收到的营销消息', `${copy.marketingMessages.length} 条`],
    ['员工查看次数', copy.staffReads.count ? `${copy.staffReads.count} 次（最近 ${formatCst(copy.staffReads.lastAt ?? 0, 'MM-DD HH:mm')}）` : '0 次'],
  ];
  return (
    <View className='card' id='held-data'>
      <View className='card__head'>
        <Text className='card__title'>我们保存的其他信息</Text>
      </View>
      {copy.projects.map((p) => (
        <View key={p.id} className='row held-data__home'>
          <Text className='muted'>房屋</Text>
          <Text>{p.address || p.name}</Text>
        </View>
      ))}
      {rows.map(([label, value]) => (
        <View key={label} className='row'>
          <Text className='muted'>{label}</Text>
          <Text>{value}</Text>
        </View>
      ))}
      <View className='held-data__marketing' id='held-data-marketing'>
        <Text className='held-data__subtitle'>我们发给您的营销消息</Text>
        {copy.marketingMessages.length === 0 ? (
          <Text className='muted'>没有发过。</Text>
        ) : (
          copy.marketingMessages.map((m) => (
            <View key={`${m.campaignId}:${m.channel}`} className='row held-data__message'>
              <Text className='muted'>{`${formatCst(m.sentAt)} · ${m.channelLabel}`}</Text>
              <Text>{m.title}</Text>
            </View>
          ))
        )}
      </View>
      <Text className='muted'>员工每次查看您的姓名、电话或地址都会被记录，只有管理员能查阅这些记录，任何人都不能修改。</Text>
    </View>
  );
}
