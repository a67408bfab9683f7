import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { formatCst } from '@shared/core/time';
import { LEAD_CLASS_LABELS, LEAD_CLASSES, type LeadClass, type Prospect } from '@shared/prospect/prospect';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import { confirmAction, toastDone } from '@/lib/feedback';
import { callProspect } from '../api/callProspect';

/**
 * A prospect due a call: who, the class, and what came of the call (called, a new class with its
 * reason, or stop). Ids: `#prospect-<id>`, `#prospect-<id>-called`, `#prospect-<id>-reclass`,
 * `#prospect-<id>-stop`, `#reclass-<A–E>`, `#reclass-reason`, `#reclass-save`.
 */
export function ProspectCard({ prospect, onChanged }: { prospect: Prospect & { classReviewDue?: boolean }; onChanged: (p: Prospect) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reclass, setReclass] = useState<LeadClass | null>(null);
  const [reason, setReason] = useState('');
  const id = prospect._id;

  const run = async (key: string, call: () => ReturnType<typeof callProspect<'logCall'>>, done: string) => {
    setBusy(key);
    setFailure(null);
    const reply = await call();
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    toastDone(done);
    setReclass(null);
    onChanged(reply.data.prospect);
  };
  const stop = async () => {
    if (await confirmAction('停止跟进', `${prospect.name}说不要再联系了？停止后不会再安排电话，也不能恢复。`, '停止跟进')) {
      await run('stop', () => callProspect('stop', { prospectId: id, note: '' }), '已停止跟进');
    }
  };

  return (
    <View className='card' id={`prospect-${id}`}>
      <View className='card__head'>
        <Text className='card__title'>
          {prospect.name} · {prospect.leadClass} 类
        </Text>
        <Text className='muted'>{prospect.phone}</Text>
      </View>
      <Text className='muted'>
        {LEAD_CLASS_LABELS[prospect.leadClass]} · 已联系 {prospect.calls.length} 次{prospect.nextCallAt ? ` · 应拨打 ${formatCst(prospect.nextCallAt)}` : ''}
      </Text>
      {prospect.classReviewDue ? (
        <View className='banner banner--warn' id={`prospect-${id}-review`}>
          已是 E 类满 6 个月：这次通话请重新评估，有需求了就调整为 C 或 D 类，仍没有需求可以停止跟进。
        </View>
      ) : null}
      {reclass !== null ? (
        <View>
          <View className='chips'>
            {LEAD_CLASSES.filter((c) => c !== prospect.leadClass).map((c) => (
              <View key={c} id={`reclass-${c}`} className={`chip${reclass === c ? ' chip--active' : ''}`} onClick={() => setReclass(c)}>
                <Text>{c} 类</Text>
              </View>
            ))}
          </View>
          <TextField id='reclass-reason' label='调整原因' value={reason} onChange={setReason} placeholder='例如：说这周就定' max={200} error={failure?.fields?.reason} />
          <ActionButton block kind='primary' busy={busy === 'reclass'} id='reclass-save' onClick={() => void run('reclass', () => callProspect('changeClass', { prospectId: id, leadClass: reclass, reason }), '已调整')}>
            保存分类
          </ActionButton>
        </View>
      ) : (
        <View className='btn-row prospect-actions'>
          <ActionButton small kind='primary' busy={busy === 'called'} id={`prospect-${id}-called`} onClick={() => void run('called', () => callProspect('logCall', { prospectId: id, note: '' }), '已记录')}>
            已拨打
          </ActionButton>
          <ActionButton small id={`prospect-${id}-reclass`} onClick={() => setReclass(LEAD_CLASSES.find((c) => c !== prospect.leadClass) ?? 'A')}>
            调整分类
          </ActionButton>
          <ActionButton small kind='danger' busy={busy === 'stop'} id={`prospect-${id}-stop`} onClick={() => void stop()}>
            停止跟进
          </ActionButton>
        </View>
      )}
      <FailureBanner failure={failure} id={`prospect-${id}-error`} />
    </View>
  );
}
