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

/** A failure in words, with a way out: try again, or (local mode) choose who you are. */
export function Failed({ failure, onRetry }: { failure: Failure; onRetry?: () => void }) {
  const identity = failure.code.startsWith('AUTH.') && process.env.TARO_ENV === 'h5';
  return (
    <View className='state state--failed'>
      <BadgeIcon char='!' tone='red' className='state__icon' />
      <Text className='state__title'>加载没有成功</Text>
      <Text className='state__text' id='state-error-message'>
        {failure.message}
      </Text>
      {onRetry ? (
        <ActionButton kind='primary' onClick={onRetry} id='state-retry'>
          重试
        </ActionButton>
      ) : null}
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
