import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProjectReplies } from '@shared/project/api';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { Empty } from '@/components/StateViews';
import { fetchMyProjects, ProjectListItem } from '@/features/project';
import { routes } from '@/lib/routes';
import '../staff.scss';
import { NoticesEntry } from '@/features/notices';

/** 工地节点: the sites the caller runs (all of them for an admin), newest first as the server sends them. */
function projectsView(data: ProjectReplies['mine']) {
  if (data.projects.length === 0) return <Empty icon='工' tone='blue' title='没有负责的工地' text='分配给您的工地会出现在这里' />;
  return (
    <View id='staff-projects'>
      <View className='staff-summary'>
        <Text>共 {data.projects.length} 个工地</Text>
        <Text className='muted staff-summary__right'>点开记录节点</Text>
      </View>
      {data.projects.map((p) => (
        <ProjectListItem key={p.id} project={p} onOpen={(id) => void Taro.navigateTo({ url: routes.staffProject(id) })} />
      ))}
    </View>
  );
}

export default function StaffProjectsPage() {
  return (
    <Screen>
      <NoticesEntry compact />
      <Loadable load={fetchMyProjects}>{projectsView}</Loadable>
    </Screen>
  );
}
