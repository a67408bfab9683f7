import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface Props {
  children: ReactNode;
  onClick: () => void;
  kind?: 'primary' | 'default' | 'danger' | 'ghost';
  small?: boolean;
  block?: boolean;
  disabled?: boolean;
  /** shows a spinner and ignores taps while an action is under way */
  busy?: boolean;
  id?: string;
  className?: string;
}

/** A large, clearly labelled tap target. Ignores taps while disabled or busy. */
export function ActionButton({ children, onClick, kind = 'default', small, block, disabled, busy, id, className }: Props) {
  const inactive = Boolean(disabled || busy);
  const cls = [
    'btn',
    `btn--${kind}`,
    small ? 'btn--small' : '',
    block ? 'btn--block' : '',
    inactive ? 'btn--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View
      id={id}
      className={cls}
      hoverClass={inactive ? 'none' : 'btn--pressed'}
      aria-disabled={inactive}
      onClick={() => {
        if (!inactive) onClick();
      }}
    >
      {busy ? <View className='btn__spinner' /> : null}
      {children}
    </View>
  );
}
