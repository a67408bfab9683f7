import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BadgeIcon } from '@/components/BadgeIcon';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import { fetchUnread } from '../api/notices';

/**
 * The 消息 entry of a home or queue page: how many notices are unread (counted again whenever the
 * page is shown). `compact` is the one-line form for the top of a staff list.
 */
export function NoticesEntry({ compact }: { compact?: boolean }) {
  const { state } = useReply(fetchUnread);
  const unread = state.status === 'ready' ? state.data.unread : 0;
  const open = () => void Taro.navigateTo({ url: routes.notices() });
  const count = unread > 0 ? (
    <Text className='notices-entry__count' id='notices-unread'>
      {unread > 99 ? '99+' : unread}
    </Text>
  ) : null;
  if (compact) {
    return (
      <View className='notices-entry notices-entry--compact' id='entry-notices' hoverClass='btn--pressed' onClick={open}>
        <Text className='notices-entry__label'>消息</Text>
        <Text className='muted'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {count}
        <Text className='entry-cell__chevron'>›</Text>
      </View>
    );
  }
  return (
    <View className='card entry-cell notices-entry' id='entry-notices' hoverClass='btn--pressed' onClick={open}>
      <BadgeIcon char='信' tone='blue' />
      <View className='entry-cell__body'>
        <Text className='entry-cell__title'>消息</Text>
        <Text className='muted'>{unread > 0 ? `${unread} 条未读 · 进度、答复和待办都在这里` : '进度、答复和待办都在这里'}</Text>
      </View>
      {count}
      <Text className='entry-cell__chevron'>›</Text>
    </View>
  );
}
