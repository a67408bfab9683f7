import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { fetchNotices, NoticeList } from '@/features/notices';
import './index.scss';

const firstPage = () => fetchNotices(0);

export default function NoticesPage() {
  return (
    <Screen>
      <Loadable load={firstPage}>{(data) => <NoticeList key={data.notices.map((n) => `${n.id}${n.read}`).join()} first={data} />}</Loadable>
    </Screen>
  );
}
