import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { EnquirySummary, EnquiryView } from '@shared/enquiry/api';
import type { Reply } from '@/api';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { EnquiryCard, EnquiryForm, EnquiryThanks, fetchMyEnquiries } from '@/features/enquiry';
import { fetchWhoAmI, type WhoAmI } from '@/features/me';
import { useNow } from '@/hooks/useNow';
import './index.scss';

type PageData = { projects: WhoAmI['projects']; replyHours: number; enquiries: EnquirySummary[] };

async function loadPage(): Promise<Reply<PageData>> {
  const [me, mine] = await Promise.all([fetchWhoAmI(), fetchMyEnquiries()]);
  if (!me.ok) return me;
  if (!mine.ok) return mine;
  return { ok: true, data: { projects: me.data.projects, replyHours: me.data.service.enquiryReplyHours, enquiries: mine.data.enquiries } };
}

/** The one a notice opened first, then the rest, newest first. */
const focusedFirst = (list: EnquirySummary[], id: string | undefined) => (id ? [...list.filter((e) => e.id === id), ...list.filter((e) => e.id !== id)] : list);

function Enquiries() {
  const focus = useRouter().params.id;
  const now = useNow();
  const [sent, setSent] = useState<EnquiryView | null>(null);
  // a new form (and a fresh list) after each send
  const [round, setRound] = useState(0);
  return (
    <Loadable key={round} load={loadPage}>
      {(data) => (
        <View className='enquiry-page'>
          {sent ? (
            <EnquiryThanks enquiry={sent} onAnother={() => setSent(null)} />
          ) : (
            <EnquiryForm
              projects={data.projects}
              replyHours={data.replyHours}
              onSent={(e) => {
                setSent(e);
                setRound((r) => r + 1);
              }}
            />
          )}
          <View className='enquiry-page__list' id='my-enquiries'>
            <Text className='section-title'>我的咨询与建议</Text>
            {data.enquiries.length === 0 ? (
              <Text className='muted enquiry-page__none'>还没有记录。想问的、想提的，都可以写在上面。</Text>
            ) : (
              focusedFirst(data.enquiries, focus).map((e) => <EnquiryCard key={e.id} enquiry={e} audience='homeowner' now={now} focused={e.id === focus} />)
            )}
          </View>
        </View>
      )}
    </Loadable>
  );
}

export default function EnquiryPage() {
  return (
    <Screen withBar>
      <Enquiries />
    </Screen>
  );
}
