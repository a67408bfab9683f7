import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import type { DataCopy } from '@shared/privacy/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { toastDone } from '@/lib/feedback';
import { correctProfile } from '../api/queries';

/**
 * The name and contact phone we hold, with a form to correct them. Ids: `#profile-name`, `#profile-phone`,
 * `#profile-edit`, `#profile-name-input`, `#profile-phone-input`, `#profile-save`, `#profile-error`.
 */
export function ProfileCard({ profile, onSaved }: { profile: DataCopy['profile']; onSaved: (p: DataCopy['profile']) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    const reply = await correctProfile(name, phone);
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    onSaved(reply.data.profile);
    setEditing(false);
    toastDone('已更正');
  };

  return (
    <View className='card' id='profile'>
      <View className='card__head'>
        <Text className='card__title'>个人信息</Text>
        {!editing ? (
          <ActionButton small kind='ghost' id='profile-edit' onClick={() => setEditing(true)}>
            更正
          </ActionButton>
        ) : null}
      </View>
      {editing ? (
        <View>
          <View className='field'>
            <View className='field__label'>姓名</View>
            <Input id='profile-name-input' className='profile-input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
            {failure?.fields?.name ? <View className='field__error'>{failure.fields.name}</View> : null}
          </View>
          <View className='field'>
            <View className='field__label'>联系电话</View>
            <Input id='profile-phone-input' className='profile-input' type='number' value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
            {failure?.fields?.phone ? <View className='field__error'>{failure.fields.phone}</View> : null}
          </View>
          <FailureBanner failure={failure} id='profile-error' />
          <View className='btn-row'>
            <ActionButton onClick={() => setEditing(false)}>取消</ActionButton>
            <ActionButton kind='primary' busy={busy} id='profile-save' onClick={() => void save()}>
              保存
            </ActionButton>
          </View>
        </View>
      ) : (
        <View>
          <View className='row'>
            <Text className='muted'>姓名</Text>
            <Text id='profile-name'>{profile.name || '（已删除）'}</Text>
          </View>
          <View className='row'>
            <Text className='muted'>联系电话</Text>
            <Text id='profile-phone'>{profile.phone || '（已删除）'}</Text>
          </View>
        </View>
      )}
    </View>
  );
}
