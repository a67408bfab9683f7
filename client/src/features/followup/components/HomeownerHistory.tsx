import { Text, View } from '@tarojs/components';
import type { FollowUpReplies } from '@shared/followup/api';
import type { HistoryEntry } from '@shared/followup/history';
import { formatCst } from '@shared/core/time';

interface Props {
  data: FollowUpReplies['homeowner'];
  onOpen: (open: NonNullable<HistoryEntry['open']>) => void;
}

const TONES: Record<HistoryEntry['kind'], string> = { milestone: 'tag--blue', repair: 'tag--orange', complaint: 'tag--red', enquiry: 'tag--blue', followUp: 'tag--green', call: 'tag--green' };

/** Who the homeowner is (phone masked), their houses, then everything that happened, newest first. */
export function HomeownerHistory({ data, onOpen }: Props) {
  const { homeowner, history } = data;
  return (
    <>
      <View className='card' id='homeowner-card'>
        <View className='card__head'>
          <Text className='card__title'>
            {homeowner.name} <Text className='muted nowrap'>{homeowner.phone}</Text>
          </Text>
        </View>
        {homeowner.projects.map((p) => (
          <View key={p.id} className='homeowner-project'>
            <Text className='project-hit__name'>{p.name}</Text>
            <Text className='muted'>
              {p.address} · 项目经理 <Text className='nowrap'>{p.siteManagerName || '待分配'}</Text>
            </Text>
          </View>
        ))}
        {homeowner.projects.length === 0 ? <Text className='muted'>还没有绑定房屋</Text> : null}
      </View>
      <View className='card' id='homeowner-history'>
        <View className='card__head'>
          <Text className='card__title'>历史记录</Text>
          <Text className='muted'>{history.length} 条，最新的在前</Text>
        </View>
        {history.length === 0 ? <Text className='muted'>还没有报修、投诉或回访记录</Text> : null}
        <View className='timeline'>
          {history.map((e, i) => (
            <View
              key={`${e.kind}-${e.at}-${i}`}
              id={`history-${i}`}
              className={`timeline__item${e.open ? ' history-item--open' : ''}`}
              hoverClass={e.open ? 'btn--pressed' : 'none'}
              onClick={e.open ? () => onOpen(e.open as NonNullable<HistoryEntry['open']>) : undefined}
            >
              <View className='timeline__dot' />
              <View className='timeline__body'>
                <Text className='timeline__label'>
                  <Text className={`tag ${TONES[e.kind]}`}>{e.kindLabel}</Text> {e.title}
                </Text>
                <Text className='timeline__meta'>
                  <Text className='nowrap'>{e.kind === 'milestone' || (e.kind === 'followUp' && e.detail !== '业主已回答') ? formatCst(e.at, 'YYYY-MM-DD') : formatCst(e.at)}</Text>
                  {e.projectName ? ` · ${e.projectName}` : ''}
                  {e.ref ? (
                    <>
                      {' · '}
                      <Text className='nowrap'>{e.ref}</Text>
                    </>
                  ) : null}
                </Text>
                {e.detail ? (
                  <Text className='timeline__note'>
                    {e.detail}
                    {e.open ? <Text className='history-item__more'> 查看 ›</Text> : null}
                  </Text>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      </View>
    </>
  );
}
