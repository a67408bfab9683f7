import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import { validate } from '@shared/core/validation';
import { FollowUpInputs, type HomeownerHit } from '@shared/followup/api';
import type { HistoryEntry } from '@shared/followup/history';
import { SearchBox } from '@/components/SearchBox';
import { FailureBanner } from '@/components/FailureBanner';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { fetchHomeowner, HomeownerHistory, lookupHomeowners } from '@/features/followup';
import { routes } from '@/lib/routes';
import '../staff.scss';

const openRecord = (open: NonNullable<HistoryEntry['open']>) =>
  void Taro.navigateTo({ url: open.kind === 'repair' ? routes.staffTicket(open.id) : routes.staffComplaint(open.id) });

/** Customer service finds the homeowner on the line by name, mobile number, project or a BX-/TS- reference. */
function Lookup({ onChoose }: { onChoose: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<HomeownerHit[] | null>(null);
  const [queryError, setQueryError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    const checked = validate(FollowUpInputs.lookup, { query });
    if (!checked.ok) return setQueryError(checked.fields?.query ?? checked.message);
    setQueryError(undefined);
    setFailure(null);
    setBusy(true);
    const reply = await lookupHomeowners(checked.data.query);
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    setHits(reply.data.homeowners);
    if (reply.data.homeowners.length === 1) onChoose(reply.data.homeowners[0].id);
  };

  return (
    <View className='field' id='homeowner-lookup'>
      <View className='field__label'>按业主姓名、手机号、小区名称或报修/投诉/咨询编号查找</View>
      <SearchBox
        id='homeowner-search'
        value={query}
        placeholder='例如：李女士、13800138001、BX-20261129-0007'
        error={queryError}
        busy={busy}
        onChange={(text) => {
          setQuery(text);
          setQueryError(undefined);
        }}
        onSearch={() => void search()}
      />
      <FailureBanner failure={failure} id='homeowner-search-error' />
      {hits !== null && hits.length === 0 ? (
        <View className='muted project-hit__none' id='homeowner-none'>
          没有找到。姓名要和登记的完全一致；也可以试试手机号、小区名称的开头几个字或单号
        </View>
      ) : null}
      {hits !== null && hits.length > 1
        ? hits.map((h) => (
            <View key={h.id} className='project-hit' id={`homeowner-hit-${h.id}`} hoverClass='btn--pressed' onClick={() => onChoose(h.id)}>
              <View className='project-hit__body'>
                <Text className='project-hit__name'>
                  {h.name} <Text className='muted nowrap'>{h.phone}</Text>
                </Text>
                <Text className='muted'>{h.projects.join('、') || '还没有绑定房屋'}</Text>
              </View>
              <Text className='entry-cell__chevron'>›</Text>
            </View>
          ))
        : null}
    </View>
  );
}

function StaffHomeowner() {
  const [chosen, setChosen] = useState(useRouter().params.id ?? '');
  return (
    <>
      <Lookup onChoose={setChosen} />
      {chosen ? (
        <Loadable key={chosen} load={() => fetchHomeowner(chosen)}>
          {(data) => <HomeownerHistory data={data} onOpen={openRecord} />}
        </Loadable>
      ) : (
        <View className='muted homeowner-hint'>查到业主后，这里按时间列出他的房屋节点、报修、投诉、回访和通话记录。查看记录会留痕。</View>
      )}
    </>
  );
}

export default function StaffHomeownerPage() {
  return (
    <Screen>
      <StaffHomeowner />
    </Screen>
  );
}
