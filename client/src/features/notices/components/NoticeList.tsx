import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import type { NoticeReplies, NoticeView } from '@shared/notify/api';
import { formatCst } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { Empty } from '@/components/StateViews';
import { SubscriptionCard } from '@/features/subscribe';
import { fetchNotices, markRead } from '../api/notices';

type Page = NoticeReplies['list'];

/**
 * The caller's notices, newest first: unread ones marked; a tap marks one read and opens what it is
 * about. More pages on request; "全部已读" marks everything. Below, the offer to get them on WeChat too.
 */
export function NoticeList({ first }: { first: Page }) {
  const [notices, setNotices] = useState<NoticeView[]>(first.notices);
  const [unread, setUnread] = useState(first.unread);
  const [next, setNext] = useState(first.next);
  const [busy, setBusy] = useState<'more' | 'all' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const open = async (n: NoticeView) => {
    if (!n.read) {
      setNotices((list) => list.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
      const reply = await markRead({ ids: [n.id] });
      if (reply.ok) setUnread(reply.data.unread);
    }
    void Taro.navigateTo({ url: n.page });
  };

  const more = async () => {
    if (next === null) return;
    setBusy('more');
    setFailure(null);
    const reply = await fetchNotices(next);
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    setNotices((list) => [...list, ...reply.data.notices.filter((n) => !list.some((x) => x.id === n.id))]);
    setNext(reply.data.next);
  };

  const allRead = async () => {
    setBusy('all');
    setFailure(null);
    const reply = await markRead({ all: true });
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    setNotices((list) => list.map((x) => ({ ...x, read: true })));
    setUnread(reply.data.unread);
  };

  return (
    <View id='notices'>
      <View className='notices__head'>
        <Text id='notices-summary'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
        {unread > 0 ? (
          <ActionButton small kind='ghost' busy={busy === 'all'} onClick={() => void allRead()} id='notices-all-read'>
            全部已读
          </ActionButton>
        ) : null}
      </View>
      <FailureBanner failure={failure} id='notices-error' />
      {notices.length === 0 ? (
        <Empty icon='信' tone='blue' title='还没有消息' text='报修和投诉有进展、有新的待办时，会在这里告诉您' />
      ) : (
        notices.map((n) => (
          <View key={n.id} className={`card notice${n.read ? '' : ' notice--unread'}`} id={`notice-${n.kind}`} hoverClass='btn--pressed' onClick={() => void open(n)}>
            <View className='notice__head'>
              {n.read ? null : <Text className='notice__dot' />}
              <Text className='notice__title'>{n.title}</Text>
              <Text className='notice__time muted'>{formatCst(n.createdAt, 'M月D日 HH:mm')}</Text>
            </View>
            <Text className='notice__body'>{n.body}</Text>
            {n.ref ? <Text className='muted'>编号 {n.ref}</Text> : null}
          </View>
        ))
      )}
      {next !== null ? (
        <ActionButton block kind='ghost' busy={busy === 'more'} onClick={() => void more()} id='notices-more'>
          加载更早的消息
        </ActionButton>
      ) : null}
      {first.subscriptions.length > 0 ? (
        <SubscriptionCard
          subscriptions={first.subscriptions}
          title='微信提醒'
          text='开启后，新消息也会通过微信服务通知告诉您；微信每开启一次可以发一条，没开启时消息照样留在这里。'
          askLabel='接收微信提醒'
        />
      ) : null}
    </View>
  );
}
