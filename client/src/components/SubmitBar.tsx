import type { Failure } from '@shared/core/result';
import { View } from '@tarojs/components';
import { ActionButton } from './ActionButton';
import { FailureBanner } from './FailureBanner';

interface Props {
  /** the button's id; the failure banner's is `errorId` */
  id: string;
  errorId: string;
  label: string;
  failure: Failure | null;
  sending: boolean;
  /** photos still uploading: the button waits and says so */
  uploading: boolean;
  onSubmit: () => void;
}

/** The bottom bar of a new-record form: what went wrong, if anything, and the submit button. */
export function SubmitBar({ id, errorId, label, failure, sending, uploading, onSubmit }: Props) {
  return (
    <View className='action-bar'>
      <FailureBanner failure={failure} id={errorId} />
      <ActionButton kind='primary' block busy={sending} disabled={uploading} onClick={onSubmit} id={id}>
        {uploading ? '照片上传中…' : label}
      </ActionButton>
    </View>
  );
}
