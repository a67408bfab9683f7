import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { hasRole } from '@shared/core/roles';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchWhoAmI } from '@/features/me/api/whoami';
import { DevPersonaBar } from '@/features/dev/components/DevPersonaBar';
import { EntryCell } from '@/features/me/components/EntryCell';
import { ProjectCard } from '@/features/me/components/ProjectCard';
import { useAnswer } from '@/hooks/useAnswer';
import { routes } from '@/lib/routes';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

function Home() {
  const { state, reload } = useAnswer(fetchWhoAmI);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const { user, projects } = state.data;
  const homeowner = hasRole(user, 'homeowner');
  const homes = homeowner ? projects : [];
  return (
    <View className='home'>
      <View className='home__hello'>
        <Text className='home__name' id='home-user-name'>
          您好，{user.name}
        </Text>
        <Text className='muted'>有问题随时报修，我们 24 小时内联系您</Text>
      </View>
      {homeowner ? (
        <>
          {homes.length === 0 ? (
            <Empty icon='房' title='还没有绑定房屋' text='请联系客服 400-800-1234 绑定您的房屋后再报修' />
          ) : (
            homes.map((p) => <ProjectCard key={p.id} project={p} />)
          )}
          <EntryCell id='entry-my-repairs' icon='修' title='我的报修' text='查看进度、确认修好、评价' onOpen={go(routes.myRepairs())} />
          <EntryCell id='entry-my-complaints' icon='诉' tone='orange' title='我的投诉' text='查看答复和处理方案，确认是否接受' onOpen={go(routes.myComplaints())} />
        </>
      ) : null}
      {hasRole(user, 'siteManager') ? (
        <EntryCell
          id='entry-staff-queue'
          icon='单'
          tone='blue'
          title='待处理报修'
          text={`我负责的工地 ${projects.length} 个 · 按截止时间排序`}
          onOpen={go(routes.staffQueue())}
        />
      ) : null}
      {hasRole(user, 'deptManager', 'admin') ? (
        <EntryCell id='entry-staff-overdue' icon='时' tone='red' title='超时报修' text='已经超过承诺时间的报修单' onOpen={go(routes.staffOverdue())} />
      ) : null}
      {hasRole(user, 'deptManager', 'customerService', 'admin') ? (
        <EntryCell
          id='entry-staff-complaints'
          icon='诉'
          tone='orange'
          title='投诉处理'
          text={hasRole(user, 'customerService', 'admin') ? '全部部门的待处理投诉 · 超时优先' : '本部门的待处理投诉 · 超时优先'}
          onOpen={go(routes.staffComplaints())}
        />
      ) : null}
      {hasRole(user, 'customerService') ? (
        <EntryCell id='entry-staff-complaint-phone' icon='话' tone='blue' title='登记电话投诉' text='接到客户来电投诉，登记后当天转交责任部门' onOpen={go(routes.staffComplaintPhone())} />
      ) : null}
      <View className='home__hotline muted'>服务热线 400-800-1234（9:00-18:00）</View>
      <DevPersonaBar name={user.name} />
    </View>
  );
}

export default function HomePage() {
  return (
    <Screen>
      <Home />
    </Screen>
  );
}
