import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { LEAD_CLASS_LABELS, LEAD_CLASSES, type LeadClass } from '@shared/prospect/prospect';
import { serverNow } from '@/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { toastDone } from '@/lib/feedback';
import { newRequestId } from '@/lib/requestId';
import { callProspect } from '../api/callProspect';

/**
 * Registers a prospect: name, phone, lead class, whether they visited the showroom today, and whether
 * they agreed to follow-up calls (nothing pre-chosen). Ids: `#prospect-name`, `#prospect-phone`,
 * `#prospect-class-<A–E>`, `#prospect-visit-<yes|no>`, `#prospect-consent-<yes|no>`, `#prospect-submit`.
 */
export function NewProspectForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [leadClass, setLeadClass] = useState<LeadClass | undefined>();
  const [visited, setVisited] = useState<boolean | undefined>();
  const [consent, setConsent] = useState<boolean | undefined>();
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const reply = await callProspect('create', {
      name, phone, leadClass: leadClass as LeadClass, callConsent: consent as boolean,
      showroomVisitAt: visited ? serverNow() : null, requestId,
    });
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    toastDone('已登记');
    setName('');
    setPhone('');
    setLeadClass(undefined);
    setVisited(undefined);
    setConsent(undefined);
    setRequestId(newRequestId());
    onCreated();
  };

  const yesNo = (id: string, value: boolean | undefined, set: (v: boolean) => void, yes: string, no: string) => (
    <View className='chips'>
      <View id={`${id}-yes`} className={`chip${value === true ? ' chip--active' : ''}`} onClick={() => set(true)}>
        <Text>{yes}</Text>
      </View>
      <View id={`${id}-no`} className={`chip${value === false ? ' chip--active' : ''}`} onClick={() => set(false)}>
        <Text>{no}</Text>
      </View>
    </View>
  );
  const err = (field: string) => (failure?.fields?.[field] ? <View className='field__error'>{failure.fields[field]}</View> : null);

  return (
    <View className='card' id='new-prospect'>
      <View className='card__head'>
        <Text className='card__title'>登记意向客户</Text>
      </View>
      <View className='field'>
        <View className='field__label'>称呼</View>
        <Input id='prospect-name' className='profile-input' value={name} maxlength={20} placeholder='例如：孙先生' onInput={(e) => setName(e.detail.value)} />
        {err('name')}
      </View>
      <View className='field'>
        <View className='field__label'>手机号</View>
        <Input id='prospect-phone' className='profile-input' type='number' value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
        {err('phone')}
      </View>
      <View className='field'>
        <View className='field__label'>客户分类</View>
        <View className='chips'>
          {LEAD_CLASSES.map((c) => (
            <View key={c} id={`prospect-class-${c}`} className={`chip${leadClass === c ? ' chip--active' : ''}`} onClick={() => setLeadClass(c)}>
              <Text>{LEAD_CLASS_LABELS[c]}</Text>
            </View>
          ))}
        </View>
        {err('leadClass')}
      </View>
      <View className='field'>
        <View className='field__label'>今天来过展厅吗？（来过：2 天后安排回访电话）</View>
        {yesNo('prospect-visit', visited, setVisited, '今天来过', '没有')}
      </View>
      <View className='field'>
        <View className='field__label'>客户同意我们打电话介绍优惠和活动吗？（不同意就不会安排电话）</View>
        {yesNo('prospect-consent', consent, setConsent, '同意', '不同意')}
        {err('callConsent')}
      </View>
      <FailureBanner failure={failure} id='prospect-error' />
      <ActionButton block kind='primary' busy={busy} id='prospect-submit' onClick={() => void submit()}>
        登记
      </ActionButton>
    </View>
  );
}
