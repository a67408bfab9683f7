import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { formatCst } from '@shared/core/time';
import type { DeletionView } from '@shared/privacy/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { confirmAction } from '@/lib/feedback';
import { askForDeletion, cancelDeletionRequest } from '../api/queries';

/**
 * Deletion: what it erases, what is kept and why, and the request's state. Ids: `#deletion`,
 * `#deletion-request`, `#deletion-cancel`, `#deletion-state`, `.deletion__kept`.
 */
export function DeletionCard({ deletion, onChange }: { deletion: DeletionView; onChange: (d: DeletionView) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const request = deletion.request;

  const run = async (call: () => ReturnType<typeof askForDeletion>) => {
    setBusy(true);
    setFailure(null);
    const reply = await call();
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    onChange(reply.data);
  };

  const ask = async () => {
    const sure = await confirmAction('删除个人信息', '删除后姓名、手机号、地址无法恢复；以后报修需要重新告诉我们地址和电话。确定删除吗？', '确定删除');
    if (sure) await run(askForDeletion);
  };

  return (
    <View className='card' id='deletion'>
      <View className='card__head'>
        <Text className='card__title'>删除我的个人信息</Text>
      </View>
      {request?.state === 'done' ? (
        <View className='banner banner--info' id='deletion-state'>
          已于 {formatCst(request.doneAt ?? request.dueAt)} 删除。
        </View>
      ) : request?.state === 'pending' ? (
        <View className='banner banner--warn' id='deletion-state'>
          已申请，将于 {formatCst(request.dueAt)} 删除；在此之前可以撤销。
        </View>
      ) : null}
      <Text className='muted'>会删除：{deletion.erased.join('、')}。</Text>
      <Text className='deletion__kept-title'>会保留（不再能对应到您本人）：</Text>
      {deletion.kept.map((k) => (
        <View key={k.what} className='deletion__kept'>
          <Text>{k.what}</Text>
          <Text className='muted'>原因：{k.why}</Text>
        </View>
      ))}
      <FailureBanner failure={failure} id='deletion-error' />
      {request?.state === 'pending' ? (
        <ActionButton block busy={busy} id='deletion-cancel' onClick={() => void run(cancelDeletionRequest)}>
          撤销删除申请
        </ActionButton>
      ) : request?.state !== 'done' ? (
        <ActionButton block kind='danger' busy={busy} id='deletion-request' onClick={() => void ask()}>
          申请删除
        </ActionButton>
      ) : null}
    </View>
  );
}
