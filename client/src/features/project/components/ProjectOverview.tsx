import { Text, View } from '@tarojs/components';
import type { ProjectDetail } from '@shared/project/api';

/** Which home this is, and who is on it. Id: `#project-overview`. */
export function ProjectOverview({ project: p }: { project: ProjectDetail }) {
  return (
    <View className='card' id='project-overview'>
      <View className='card__head'>
        <Text className='card__title'>{p.name}</Text>
      </View>
      <Text className='muted'>{p.address}</Text>
      <View className='row'>
        <Text className='row__label'>业主</Text>
        <Text className='row__value'>{p.homeownerName}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>项目经理</Text>
        <Text className='row__value'>{p.siteManagerName || '待分配'}</Text>
      </View>
    </View>
  );
}
