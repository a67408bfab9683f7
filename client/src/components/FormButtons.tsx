import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from './ActionButton';

interface Props {
  /** ids: `<idPrefix>-cancel`, `<idPrefix>-submit` */
  idPrefix: string;
  submitLabel: ReactNode;
  kind?: 'primary' | 'danger';
  busy: boolean;
  disabled?: boolean;
  onCancel: () => void;
  onSubmit: () => void;
}

/** The 取消 / submit pair under an inline form. */
export function FormButtons({ idPrefix, submitLabel, kind = 'primary', busy, disabled, onCancel, onSubmit }: Props) {
  return (
    <View className='btn-row'>
      <ActionButton onClick={onCancel} id={`${idPrefix}-cancel`}>
        取消
      </ActionButton>
      <ActionButton kind={kind} busy={busy} disabled={disabled} onClick={onSubmit} id={`${idPrefix}-submit`}>
        {submitLabel}
      </ActionButton>
    </View>
  );
}
