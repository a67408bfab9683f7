import Taro, { useRouter } from '@tarojs/taro';
import type { Reply } from '@/api';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchWhoAmI, type WhoAmI } from '@/features/me';
import { fetchCategories, NewRepairForm } from '@/features/repair';
import type { RepairReplies } from '@shared/repair/api';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import './index.scss';

type FormData = { projects: WhoAmI['projects']; service: WhoAmI['service']; categories: RepairReplies['categories'] };

async function loadForm(): Promise<Reply<FormData>> {
  const [me, cats] = await Promise.all([fetchWhoAmI(), fetchCategories()]);
  if (!me.ok) return me;
  if (!cats.ok) return cats;
  return { ok: true, data: { projects: me.data.projects, service: me.data.service, categories: cats.data } };
}

function NewRepair() {
  const projectId = useRouter().params.projectId;
  const { state, reload } = useReply(loadForm);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  if (state.data.projects.length === 0) {
    return <Empty icon='房' title='还没有绑定房屋' text={`请拨打服务热线 ${state.data.service.hotline}（${state.data.service.deskHours}），绑定您的房屋后再报修`} />;
  }
  return (
    <NewRepairForm
      projects={state.data.projects}
      categories={state.data.categories.categories}
      contactHours={state.data.categories.contactHours}
      initialProjectId={projectId}
      // the detail page says 报修已提交: Taro H5 would hide a toast shown here on the redirect
      onCreated={(id) => void Taro.redirectTo({ url: routes.repair(id, true) })}
    />
  );
}

export default function NewRepairPage() {
  return (
    <Screen withBar>
      <NewRepair />
    </Screen>
  );
}
