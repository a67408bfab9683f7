import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { EnquirySummary } from '@shared/enquiry/api';
import type { Millis } from '@shared/core/time';
import { Loadable } from '@/components/Loadable';
import { MorePages } from '@/components/MorePages';
import { Screen } from '@/components/Screen';
import { Empty } from '@/components/StateViews';
import { EnquiryCard, fetchEnquiry, fetchEnquiryQueue, PhoneEnquiryForm, ReplyForm } from '@/features/enquiry';
import { fetchWhoAmI } from '@/features/me';
import { NoticesEntry } from '@/features/notices';
import { useNow } from '@/hooks/useNow';
import { toastDone } from '@/lib/feedback';
import '../staff.scss';
import './index.scss';

type Tab = 'open' | 'answered' | 'phone';

/** One card of the desk: the reply form under it while it is open. */
function DeskCard({ e, now, focused, onReplied }: { e: EnquirySummary; now: Millis; focused?: boolean; onReplied: () => void }) {
  return (
    <EnquiryCard enquiry={e} audience='staff' now={now} focused={focused}>
      {e.status === 'open' ? (
        <ReplyForm
          enquiry={e}
          onReplied={() => {
            toastDone('已回复，业主会收到消息');
            onReplied();
          }}
        />
      ) : null}
    </EnquiryCard>
  );
}

/** 待回复: every open request, late ones first, each answered right here. */
function OpenList({ now, onChanged }: { now: Millis; onChanged: () => void }) {
  return (
    <Loadable load={() => fetchEnquiryQueue({ closed: false })}>
      {({ enquiries }) => {
        if (enquiries.length === 0) return <Empty icon='✓' tone='green' title='没有待回复的咨询和建议' text='业主在小程序里提交的、电话登记未答复的，都会出现在这里，超时的排在最前' />;
        const late = enquiries.filter((e) => e.overdue).length;
        return (
          <View id='desk-open'>
            <View className='staff-summary'>
              <Text className='nowrap'>共 {enquiries.length} 条待回复 · 超时的在最前</Text>
              {late > 0 ? <Text className='text-danger staff-summary__overdue staff-summary__right'>{late} 条已超时</Text> : <Text className='text-ok staff-summary__right'>暂无超时</Text>}
            </View>
            {enquiries.map((e) => (
              <DeskCard key={e.id} e={e} now={now} onReplied={onChanged} />
            ))}
          </View>
        );
      }}
    </Loadable>
  );
}

/** 已回复: answered ones, newest first, a page at a time. */
function AnsweredList({ now }: { now: Millis }) {
  const load = async (page: number) => {
    const reply = await fetchEnquiryQueue({ closed: true, page });
    return reply.ok ? { ok: true as const, data: { items: reply.data.enquiries, more: reply.data.more } } : reply;
  };
  return (
    <Loadable load={() => fetchEnquiryQueue({ closed: true })}>
      {({ enquiries, more }) =>
        enquiries.length === 0 ? (
          <Empty icon='史' title='还没有已回复的' text='回复过的咨询和建议会在这里，最新的在前' />
        ) : (
          <View id='desk-answered'>
            <MorePages id='desk-answered' first={enquiries} more={more} load={load}>
              {(items) => items.map((e) => <EnquiryCard key={e.id} enquiry={e} audience='staff' now={now} />)}
            </MorePages>
          </View>
        )
      }
    </Loadable>
  );
}

/** The one a notice opened: read in full (the homeowner's phone, to call back; an audited read). */
function Focused({ id, now, onChanged }: { id: string; now: Millis; onChanged: () => void }) {
  return <Loadable load={() => fetchEnquiry(id)}>{({ enquiry }) => <DeskCard e={enquiry} now={now} focused onReplied={onChanged} />}</Loadable>;
}

function Desk() {
  const focus = useRouter().params.id;
  const now = useNow();
  const [tab, setTab] = useState<Tab>('open');
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'open', label: '待回复' },
    { id: 'answered', label: '已回复' },
    { id: 'phone', label: '登记电话咨询' },
  ];
  return (
    <>
      {focus ? <Focused key={`focus-${round}`} id={focus} now={now} onChanged={changed} /> : null}
      <View className='list-filter' id='desk-tabs'>
        <View className='list-filter__tabs'>
          {tabs.map((t) => (
            <View key={t.id} id={`desk-tab-${t.id}`} className={`list-filter__tab${tab === t.id ? ' list-filter__tab--active' : ''}`} onClick={() => setTab(t.id)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
      </View>
      {tab === 'open' ? <OpenList key={`open-${round}`} now={now} onChanged={changed} /> : null}
      {tab === 'answered' ? <AnsweredList key={`answered-${round}`} now={now} /> : null}
      {tab === 'phone' ? (
        <Loadable key={`phone-${round}`} load={fetchWhoAmI}>
          {(me) => (
            <PhoneEnquiryForm
              replyHours={me.service.enquiryReplyHours}
              onLogged={(e) => {
                toastDone(e.status === 'answered' ? '已登记并回复' : '已登记，待回复');
                setTab(e.status === 'answered' ? 'answered' : 'open');
                changed();
              }}
            />
          )}
        </Loadable>
      ) : null}
    </>
  );
}

export default function EnquiryDeskPage() {
  return (
    <Screen withBar>
      <NoticesEntry compact />
      <Desk />
    </Screen>
  );
}
