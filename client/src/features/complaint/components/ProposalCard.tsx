import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { formatCst } from '@shared/core/time';

const TITLES: Record<ComplaintView['status'], string> = {
  proposed: '处理方案',
  closed: '已接受的处理方案',
  unresolved: '最后一次处理方案（未接受）',
  forwarded: '上一级的处理方案（未接受）',
  investigating: '上一级的处理方案（未接受）',
};

/** The resolution proposed at the latest level: what, by whom, when, and what became of it. */
export function ProposalCard({ proposal, status }: { proposal: NonNullable<ComplaintView['proposal']>; status: ComplaintView['status'] }) {
  const waiting = status === 'proposed';
  return (
    <View className={`card complaint-proposal${waiting ? ' complaint-proposal--waiting' : ''}`} id='complaint-proposal'>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{TITLES[status]}</Text>
        <Text className='card__sub nowrap'>{formatCst(proposal.at, 'MM-DD HH:mm')}</Text>
      </View>
      <Text className='pre-wrap complaint-proposal__text' id='complaint-proposal-text'>
        {proposal.text}
      </Text>
      {proposal.byName ? <Text className='muted complaint-proposal__by'>
          提出人：<Text className='nowrap'>{proposal.byName}</Text>
        </Text> : null}
    </View>
  );
}
