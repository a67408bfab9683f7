import { useState } from 'react';
import { View } from '@tarojs/components';
import { normalizeRef, type RefKind } from '@shared/core/refs';
import type { Failure } from '@shared/core/result';
import type { Reply } from '@/api';
import { FailureBanner } from './FailureBanner';
import { SearchBox } from './SearchBox';

const EXAMPLES: Record<RefKind, { what: string; example: string }> = {
  repair: { what: '报修单号', example: 'BX-20261129-0007' },
  complaint: { what: '投诉编号', example: 'TS-20261129-0003' },
  enquiry: { what: '咨询编号', example: 'ZX-20261129-0002' },
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
      <SearchBox
        id={`${kind}-ref-search`}
        value={text}
        placeholder={`${what} ${example}`}
        error={error}
        errorId={`${kind}-ref-search-error`}
        busy={busy}
        onChange={(t) => {
          setText(t);
          setError(undefined);
        }}
        onSearch={() => void find()}
      />
      <FailureBanner failure={failure} id={`${kind}-ref-search-failure`} />
    </View>
  );
}
