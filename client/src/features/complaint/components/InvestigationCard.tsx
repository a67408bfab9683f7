import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { formatCst } from '@shared/core/time';
import { PhotoGrid } from '@/features/photos';

/**
 * What the investigation found: the written finding for everyone; for staff, the evidence kept and
 * whether the complaint is marked as involving legal liability.
 */
export function InvestigationCard({ complaint: c }: { complaint: ComplaintView }) {
  if (!c.finding && c.evidence.length === 0 && !c.legalLiability) return null;
  return (
    <View className='card complaint-investigation' id='complaint-investigation'>
      <View className='card__head'>
        <Text className='card__title'>调查情况</Text>
      </View>
      {c.legalLiability ? (
        <View className='banner banner--warn' id='complaint-legal'>
          涉及法律责任，需报公安机关：{c.legalLiability.note}（{c.legalLiability.byName}，{formatCst(c.legalLiability.at, 'MM-DD HH:mm')}）
        </View>
      ) : null}
      {c.finding ? (
        <View className='complaint-investigation__finding' id='complaint-finding'>
          <Text className='row__label'>调查结论</Text>
          <Text className='pre-wrap'>{c.finding.text}</Text>
          <Text className='muted'>
            {c.finding.byName} · {formatCst(c.finding.at, 'MM-DD HH:mm')}
          </Text>
        </View>
      ) : null}
      {c.evidence.map((e, i) => (
        <View key={`${e.at}-${i}`} className='complaint-investigation__evidence' id={`complaint-evidence-${i}`}>
          <Text className='row__label'>证据 {i + 1}</Text>
          <Text className='pre-wrap'>{e.note}</Text>
          <PhotoGrid fileIds={e.photos} />
          <Text className='muted'>
            {e.byName} · {formatCst(e.at, 'MM-DD HH:mm')}
          </Text>
        </View>
      ))}
    </View>
  );
}
