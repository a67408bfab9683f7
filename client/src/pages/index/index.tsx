import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { cstDate } from '@shared/core/time';
import { hasRole, isGeneralManager } from '@shared/core/roles';
import type { FollowUpReplies } from '@shared/followup/api';
import { TEMPLATE_PURPOSES } from '@shared/followup/templates';
import { serverNow, type Reply } from '@/api';
import { FailureBanner } from '@/components/FailureBanner';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { EntryCell, fetchWhoAmI, InviteCodeForm, ProjectCard, type WhoAmI } from '@/features/me';
import { DevPersonaBar } from '@/features/dev';
import { NoticesEntry } from '@/features/notices';
import { ContactTimeCard, fetchFollowUpHome, HomeProjectFollowUp } from '@/features/followup';
import { SubscriptionCard } from '@/features/subscribe';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** The home card offers the follow-up reminders; the progress of repairs and complaints is offered where it happens and on 消息. */
const followUpReminders = (all: FollowUpReplies['home']['subscriptions']) => all.filter((s) => (TEMPLATE_PURPOSES as readonly string[]).includes(s.purpose));

type HomeData = { me: WhoAmI; followUp: Reply<FollowUpReplies['home']> | null };

/** Who the caller is and, for a homeowner, their follow-ups (asked at the same time; staff ignore it). */
async function loadHome(): Promise<Reply<HomeData>> {
  const [me, followUp] = await Promise.all([fetchWhoAmI(), fetchFollowUpHome()]);
  if (!me.ok) return me;
  return { ok: true, data: { me: me.data, followUp: hasRole(me.data.user, 'homeowner') ? followUp : null } };
}

function Homeowner({ data, onRetry }: { data: HomeData; onRetry: () => void }) {
  const { projects } = data.me;
  const followUp = data.followUp?.ok ? data.followUp.data : null;
  const today = cstDate(serverNow());
  const open = (id: string) => void Taro.navigateTo({ url: routes.survey(id) });
  return (
    <>
      {data.followUp && !data.followUp.ok ? (
        <View onClick={onRetry}>
          <FailureBanner failure={{ ...data.followUp, message: `回访信息没有加载出来：${data.followUp.message}（点此重试）` }} id='followup-error' />
        </View>
      ) : null}
      {projects.length === 0 ? (
        <>
          <Empty icon='房' title='还没有绑定房屋' text={`请输入邀请码，或拨打服务热线 ${data.me.service.hotline}（${data.me.service.deskHours}）绑定您的房屋后再报修`} />
          <InviteCodeForm onBound={onRetry} />
        </>
      ) : (
        projects.map((p) => {
          const fp = followUp?.projects.find((f) => f.id === p.id);
          return (
            <ProjectCard key={p.id} project={p}>
              {fp ? <HomeProjectFollowUp project={fp} today={today} onOpenSurvey={open} /> : null}
            </ProjectCard>
          );
        })
      )}
      <EntryCell id='entry-my-repairs' icon='修' title='我的报修' text='查看进度、确认修好、评价' onOpen={go(routes.myRepairs())} />
      <EntryCell id='entry-my-complaints' icon='诉' tone='orange' title='我的投诉' text='查看答复和处理方案，确认是否接受' onOpen={go(routes.myComplaints())} />
      <EntryCell id='entry-enquiry' icon='问' tone='green' title='咨询与建议' text='想问的、想提的、想办的，客服 24 小时内回复' onOpen={go(routes.enquiries())} />
      <EntryCell id='entry-consent' icon='扰' tone='blue' title='营销消息与勿扰' text='优惠和活动是否发给您、走哪个渠道，由您决定；一键撤回' onOpen={go(routes.consent())} />
      <EntryCell id='entry-my-data' icon='私' tone='blue' title='我的数据' text='查看、下载、更正或删除我们保存的您的信息' onOpen={go(routes.myData())} />
      {followUp ? <SubscriptionCard key={JSON.stringify(followUp.subscriptions)} subscriptions={followUpReminders(followUp.subscriptions)} /> : null}
      {followUp ? <ContactTimeCard key={JSON.stringify(followUp.contactWindows)} initial={followUp.contactWindows} /> : null}
    </>
  );
}

/** The line under the name: the repair promise for a homeowner; for staff, what their home holds. */
function greeting(user: WhoAmI['user'], service: WhoAmI['service']): string {
  if (hasRole(user, 'homeowner')) return `有问题随时报修：${service.repairPromise}`;
  if (hasRole(user, 'siteManager')) return '您负责工地的报修单按截止时间排好了，先处理快到期的';
  if (hasRole(user, 'customerService')) return '今天要拨打的回访电话和待处理的投诉都在下面';
  if (hasRole(user, 'deptManager')) return '本部门的投诉和超时的报修单都在下面，超时的排在最前';
  return '工地节点、超时报修和投诉都在下面';
}

/** Once a launch: the general manager's home opens on the company at a glance (报表, a subpackage: the main package stays small). */
let glanceShown = false;

function Home() {
  const { state, reload } = useReply(loadHome);
  const gm = state.status === 'ready' && isGeneralManager(state.data.me.user);
  useEffect(() => {
    if (gm && !glanceShown) {
      glanceShown = true;
      void Taro.navigateTo({ url: routes.manageReports() });
    }
  }, [gm]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed' && state.failure.code === 'AUTH.NOT_REGISTERED') {
    // someone the product does not know yet: a homeowner binds their house with the code from the company
    return <InviteCodeForm onBound={() => void reload()} />;
  }
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const { user, projects, tickets } = state.data.me;
  return (
    <View className='home'>
      <View className='home__hello'>
        <Text className='home__name' id='home-user-name'>
          您好，{user.name}
        </Text>
        <Text className='muted' id='home-greeting'>
          {greeting(user, state.data.me.service)}
        </Text>
      </View>
      {tickets ? (
        <View className='card' id='home-sites'>
          <Text className='card__title'>我的工地 {projects.length} 个</Text>
          {projects.map((p) => (
            <View className='row' key={p.id} id={`home-site-${p.id}`} onClick={go(routes.staffProject(p.id))}>
              <Text className='row__label'>{p.name}</Text>
              <Text className={p.due.length ? 'row__value text-warn' : 'row__value muted'}>{p.due.length ? `待记录${p.due.join('、')}` : '节点已记录'} ›</Text>
            </View>
          ))}
        </View>
      ) : null}
      <NoticesEntry />
      {hasRole(user, 'homeowner') ? <Homeowner data={state.data} onRetry={() => void reload()} /> : null}
      {hasRole(user, 'siteManager') ? (
        <EntryCell
          id='entry-staff-queue'
          icon='单'
          tone='blue'
          title='待处理报修'
          text={tickets ? `${tickets.open} 单待处理${tickets.overdue ? `，${tickets.overdue} 单已超时` : ''} · 按截止时间排序` : ''}
          onOpen={go(routes.staffQueue())}
        />
      ) : null}
      {hasRole(user, 'siteManager', 'admin') ? (
        <EntryCell id='entry-staff-projects' icon='工' tone='blue' title='工地节点' text='记录开工、隐蔽验收、竣工等节点，回访随之安排' onOpen={go(routes.staffProjects())} />
      ) : null}
      {hasRole(user, 'customerService') ? (
        <EntryCell id='entry-staff-calls' icon='访' tone='green' title='电话回访' text='待拨打的回访电话 · 约定时间优先' onOpen={go(routes.staffCalls())} />
      ) : hasRole(user, 'admin') ? (
        <EntryCell id='entry-staff-calls' icon='访' tone='green' title='电话回访与质保期抽查' text='质保期业主的电话抽查回访（行政人力），以及全部待拨打的回访电话' onOpen={go(routes.staffCalls())} />
      ) : null}
      {hasRole(user, 'customerService', 'admin') ? (
        <EntryCell id='entry-staff-homeowner' icon='查' tone='blue' title='业主查询' text='按姓名、手机号或单号查业主的报修、投诉、回访和通话' onOpen={go(routes.staffHomeowner())} />
      ) : null}
      {hasRole(user, 'customerService', 'admin') ? (
        <EntryCell id='entry-staff-prospects' icon='意' tone='green' title='意向客户跟进' text='按 A–E 分类的节奏回电，只打给同意接电话的客户' onOpen={go(routes.staffProspects())} />
      ) : null}
      {hasRole(user, 'deptManager', 'admin') ? (
        <EntryCell id='entry-staff-overdue' icon='时' tone='red' title='超时报修' text='已经超过承诺时间的报修单' onOpen={go(routes.staffOverdue())} />
      ) : null}
      {hasRole(user, 'deptManager', 'customerService', 'admin') ? (
        <EntryCell id='entry-staff-assigned' icon='我' tone='orange' title='指派给我' text='业主看到的处理人是您的投诉 · 超时优先' onOpen={go(routes.staffAssigned())} />
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
      {hasRole(user, 'customerService', 'admin') || (hasRole(user, 'deptManager') && user.department === 'customerService') ? (
        <EntryCell id='entry-staff-enquiries' icon='问' tone='green' title='咨询与建议' text='业主的咨询、建议和服务需求 · 24 小时内回复，超时优先' onOpen={go(routes.staffEnquiries())} />
      ) : null}
      {hasRole(user, 'deptManager', 'admin') ? (
        <EntryCell id='entry-manage-reports' icon='表' tone='blue' title='报表' text='回访周报、管理月报，回访率和满意度趋势' onOpen={go(routes.manageReports())} />
      ) : null}
      {hasRole(user, 'admin') ? (
        <EntryCell id='entry-manage-config' icon='设' tone='blue' title='配置概览' text='回访、报修、投诉规则和最近的修改记录' onOpen={go(routes.manageConfig())} />
      ) : null}
      {hasRole(user, 'admin') ? (
        <EntryCell id='entry-staff-campaigns' icon='营' tone='blue' title='营销活动' text='各活动的发送结果' onOpen={go(routes.staffCampaigns())} />
      ) : null}
      <View className='home__hotline muted' id='home-hotline'>
        服务热线 {state.data.me.service.hotline}（{state.data.me.service.deskHours}）
      </View>
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
