import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { inviteCodeProblem, normalInviteCode } from '@shared/admin/inviteCode';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { redeemInvite } from '../api/redeemInvite';
import './InviteCodeForm.scss';

/**
 * The invite code a homeowner got from the company (8 letters and digits): entering it binds this
 * WeChat to their house, once. Shown to someone the product does not know yet, and to a homeowner
 * with no house bound.
 */
export function InviteCodeForm({ onBound }: { onBound: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    const problem = inviteCodeProblem(code);
    if (problem) return setError(problem);
    setBusy(true);
    const reply = await redeemInvite(normalInviteCode(code));
    setBusy(false);
    if (reply.ok) return onBound();
    if (reply.fields?.code) return setError(reply.fields.code);
    setFailure(reply);
  };

  return (
    <View className='card invite-form' id='invite-form'>
      <Text className='card__title invite-form__title'>用邀请码绑定房屋</Text>
      <Text className='muted invite-form__text'>签约时客服会给您一个 8 位邀请码（短信或纸质通知）。输入后，这个微信就能查看您房屋的回访、报修和投诉。</Text>
      <View className='invite-form__row'>
        <Input
          id='invite-code'
          className={error ? 'invite-form__input invite-form__input--invalid' : 'invite-form__input'}
          value={code}
          placeholder='例如 K7QM2XPA'
          maxlength={12}
          onInput={(e) => {
            setCode(e.detail.value);
            setError(undefined);
          }}
          onConfirm={() => void submit()}
        />
        <ActionButton kind='primary' small busy={busy} onClick={() => void submit()} id='invite-submit'>
          绑定
        </ActionButton>
      </View>
      {error ? (
        <View className='field__error' id='invite-error'>
          {error}
        </View>
      ) : null}
      <FailureBanner failure={failure} id='invite-failure' />
    </View>
  );
}
