import Taro, { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchProjectDetail } from '@/features/project';
import { RecordVisitForm } from '@/features/visits';
import { useReply } from '@/hooks/useReply';
import { toastDone } from '@/lib/feedback';
import '../staff.scss';

/** 现场拍照存档 or 上门回访 on one project (`?id=<project>&kind=photos|visit`); back to the project once saved. */
function StaffVisit() {
  const params = useRouter().params;
  const id = params.id ?? '';
  const kind = params.kind === 'visit' ? 'visit' : 'photos';
  const { state, reload } = useReply(() => fetchProjectDetail(id));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const p = state.data.project;
  const milestones = Object.fromEntries(p.milestones.flatMap((m) => (m.date ? [[m.milestone, m.date]] : [])));
  return (
    <RecordVisitForm
      kind={kind}
      project={{ id: p.id, name: p.name, milestones }}
      onRecorded={() => {
        toastDone(kind === 'visit' ? '上门回访已保存' : '照片已存档');
        void Taro.navigateBack();
      }}
    />
  );
}

export default function StaffVisitPage() {
  return (
    <Screen withBar>
      <StaffVisit />
    </Screen>
  );
}
