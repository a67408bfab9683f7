import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { normalizeRef, type RefKind } from '@shared/core/refs';
import type { Failure } from '@shared/core/result';
import type { Reply } from '@/api';
import { ActionButton } from './ActionButton';
import { FailureBanner } from './FailureBanner';

const EXAMPLES: Record<RefKind, { what: string; example: string }> = {
  repair: { what: '报修单号', example: 'BX-20261129-0007' },
  complaint: { what: '投诉编号', example: 'TS-20261129-0003' },
};

interface Props {
  kind: RefKind;
  /** the records this caller may read under the reference */
  search: (ref: string) => Promise<Reply<{ id: string }[]>>;
  onFound: (id: string) => void;
}

/** 按编号查找: the reference a homeowner reads out on the phone opens the record, if the caller may read it. */
export function RefSearch({ kind, search, onFound }: Props) {
  const { what, example } = EXAMPLES[kind];
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    const asked = normalizeRef(text);
    if (!asked || asked.kind !== kind) return setError(`${what}的格式如 ${example}，请核对`);
    setBusy(true);
    setFailure(null);
    const reply = await search(asked.ref);
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    if (reply.data.length === 0) return setError(`没有找到 ${asked.ref}，或它不归您处理`);
    onFound(reply.data[0].id);
  };
  return (
    <View className='card ref-search'>
      <View className='search-box'>
        <Input
          id={`${kind}-ref-search`}
          className={error ? 'search-box__input search-box__input--invalid' : 'search-box__input'}
          value={text}
          placeholder={`${what} ${example}`}
          confirmType='search'
          maxlength={40}
          onInput={(e) => {
            setText(e.detail.value);
            setError(undefined);
          }}
          onConfirm={() => void find()}
        />
        <ActionButton small kind='primary' busy={busy} onClick={() => void find()} id={`${kind}-ref-search-submit`}>
          查找
        </ActionButton>
      </View>
      {error ? (
        <View className='field__error' id={`${kind}-ref-search-error`}>
          {error}
        </View>
      ) : null}
      <FailureBanner failure={failure} id={`${kind}-ref-search-failure`} />
    </View>
  );
}
