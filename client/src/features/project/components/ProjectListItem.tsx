import { Text, View } from '@tarojs/components';
import type { ProjectListItem as Item } from '@shared/project/api';

/** One site in the site manager's list: where it is, the latest stage reached and what is due. Id: `#project-item-<id>`. */
export function ProjectListItem({ project: p, onOpen }: { project: Item; onOpen: (id: string) => void }) {
  return (
    <View className='card entry-cell project-item' id={`project-item-${p.id}`} hoverClass='btn--pressed' onClick={() => onOpen(p.id)}>
      <View className='entry-cell__body'>
        <Text className='entry-cell__title'>{p.name}</Text>
        <Text className='muted'>{p.address}</Text>
        <Text className='project-item__stage'>{p.stage ? `${p.stage.label} · ${p.stage.date}` : '尚未记录节点'}</Text>
        {p.due.map((d) => (
          <Text className='text-warn project-item__due' key={d.milestone} id={`project-due-${p.id}-${d.milestone}`}>
            待记录：{d.text}
          </Text>
        ))}
      </View>
      <Text className='entry-cell__chevron'>›</Text>
    </View>
  );
}
