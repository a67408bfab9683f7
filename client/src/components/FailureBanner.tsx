import { View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';

/** A failed action in words, where the person is looking. */
export function FailureBanner({ failure, id }: { failure: Failure | null; id?: string }) {
  if (!failure) return null;
  return (
    <View className='banner banner--error' id={id ?? 'action-error'}>
      {failure.message}
    </View>
  );
}
