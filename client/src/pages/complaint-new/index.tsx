import Taro, { useRouter } from '@tarojs/taro';
import type { Reply } from '@/api';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { type ComplaintCategories, fetchComplaintCategories, NewComplaintForm } from '@/features/complaint';
import { fetchWhoAmI, type WhoAmI } from '@/features/me';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import './index.scss';

type FormData = { projects: WhoAmI['projects']; service: WhoAmI['service']; options: ComplaintCategories };

async function loadForm(): Promise<Reply<FormData>> {
  const [me, options] = await Promise.all([fetchWhoAmI(), fetchComplaintCategories()]);
  if (!me.ok) return me;
  if (!options.ok) return options;
  return { ok: true, data: { projects: me.data.projects, service: me.data.service, options: options.data } };
}

function NewComplaint() {
  const projectId = useRouter().params.projectId;
  const { state, reload } = useReply(loadForm);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  if (state.data.projects.length === 0) {
    return <Empty icon='房' title='还没有绑定房屋' text={`请拨打服务热线 ${state.data.service.hotline}（${state.data.service.deskHours}），客服会登记您的投诉`} />;
  }
  return (
    <NewComplaintForm
      projects={state.data.projects}
      options={state.data.options}
      initialProjectId={projectId}
      // the detail page says 投诉已提交: Taro H5 would hide a toast shown here on the redirect
      onFiled={(id) => void Taro.redirectTo({ url: routes.complaint(id, true) })}
    />
  );
}

export default function NewComplaintPage() {
  return (
    <Screen withBar>
      <NewComplaint />
    </Screen>
  );
}
