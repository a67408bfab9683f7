import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import { routes } from '@/lib/routes';
import { ActionButton } from './ActionButton';
import { BadgeIcon, type BadgeTone } from './BadgeIcon';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <View className='spinner' />
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

/** A record that does not exist, or that the caller may not see: trying again cannot help. */
const isDeadEnd = (code: string) => code.endsWith('.NOT_FOUND') || code === 'AUTH.FORBIDDEN';

function onHomePage(): boolean {
  const path = (Taro.getCurrentInstance().router?.path ?? '').replace(/^\//, '').split('?')[0];
  return path === '' || path === routes.home().replace(/^\//, '');
}

/**
 * A failure in words, with a way out: home, always (a not-found or no-permission screen offers it first,
 * and no 重试, which cannot help there); try again when that can help; (local mode) choose who you are.
 */
export function Failed({ failure, onRetry }: { failure: Failure; onRetry?: () => void }) {
  const identity = failure.code.startsWith('AUTH.') && process.env.TARO_ENV === 'h5';
  const deadEnd = isDeadEnd(failure.code);
  const title = failure.code === 'AUTH.FORBIDDEN' ? '没有权限查看' : deadEnd ? '没有找到' : '加载没有成功';
  const home = onHomePage() ? null : (
    <ActionButton kind={deadEnd ? 'primary' : 'ghost'} onClick={() => void Taro.reLaunch({ url: routes.home() })} id='state-home'>
      返回首页
    </ActionButton>
  );
  return (
    <View className='state state--failed'>
      <BadgeIcon char='!' tone='red' className='state__icon' />
      <Text className='state__title' id='state-title'>
        {title}
      </Text>
      <Text className='state__text' id='state-error-message'>
        {failure.message}
      </Text>
      {onRetry && !deadEnd ? (
        <ActionButton kind='primary' onClick={onRetry} id='state-retry'>
          重试
        </ActionButton>
      ) : null}
      {home}
      {identity ? (
        <ActionButton kind='ghost' onClick={() => void Taro.reLaunch({ url: routes.devPersonas() })}>
          切换身份
        </ActionButton>
      ) : null}
    </View>
  );
}

export interface EmptyProps {
  icon?: string;
  tone?: BadgeTone;
  title: string;
  text?: string;
  action?: ReactNode;
}

export function Empty({ icon = '空', tone = 'gray', title, text, action }: EmptyProps) {
  return (
    <View className='state state--empty'>
      <BadgeIcon char={icon} tone={tone} className='state__icon' />
      <Text className='state__title'>{title}</Text>
      {text ? <Text className='state__text'>{text}</Text> : null}
      {action}
    </View>
  );
}
