import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchProjectDetail, MilestoneCard, MilestoneHistory, type PlanChange, ProjectFollowUps, ProjectOverview, useRecordMilestone } from '@/features/project';
import { VisitsCard } from '@/features/visits';
import { useReply } from '@/hooks/useReply';
import { useNow } from '@/hooks/useNow';
import '../staff.scss';

/** '回访计划已更新：新增 1 次、调整 2 次', or that nothing changed. */
function describePlanChange(c: PlanChange): string {
  const parts = [c.added ? `新增 ${c.added} 次` : '', c.moved ? `调整 ${c.moved} 次` : '', c.cancelled ? `取消 ${c.cancelled} 次` : ''].filter(Boolean);
  return parts.length ? `回访计划已更新：${parts.join('、')}` : '回访计划没有变化';
}

function StaffProject() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchProjectDetail(id));
  const recorder = useRecordMilestone(id, (project) => replace({ project }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const p = state.data.project;
  return (
    <>
      <ProjectOverview project={p} />
      {recorder.change ? (
        <View className='banner banner--info' id='milestone-result'>
          {describePlanChange(recorder.change)}
        </View>
      ) : null}
      <MilestoneCard project={p} now={now} recorder={recorder} />
      <VisitsCard projectId={p.id} />
      <ProjectFollowUps followUps={p.followUps} />
      <MilestoneHistory history={p.history} />
    </>
  );
}

export default function StaffProjectPage() {
  return (
    <Screen>
      <StaffProject />
    </Screen>
  );
}
