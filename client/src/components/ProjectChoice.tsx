import { View } from '@tarojs/components';

interface Project {
  id: string;
  name: string;
}

/** The project a new form starts on: the one asked for if it is the person's, else their only one, else none. */
export function firstProjectId(projects: readonly Project[], wanted?: string): string {
  return projects.find((p) => p.id === wanted)?.id ?? (projects.length === 1 ? projects[0].id : '');
}

interface Props {
  projects: readonly Project[];
  value: string;
  onChange: (id: string) => void;
  /** each chip's id is `<idPrefix>-<project id>` */
  idPrefix: string;
  /** '报修房屋': the banner's words when there is only one home to choose */
  only: string;
  error?: string;
}

/** Which home a form is about: chips when the person has several, otherwise a line naming the one. */
export function ProjectChoice({ projects, value, onChange, idPrefix, only, error }: Props) {
  if (projects.length <= 1) {
    return (
      <View className='banner banner--info'>
        {only}：{projects[0]?.name}
      </View>
    );
  }
  return (
    <View className='card'>
      <View className='field'>
        <View className='field__label'>哪套房屋</View>
        <View className='chips'>
          {projects.map((p) => (
            <View key={p.id} id={`${idPrefix}-${p.id}`} className={`chip${p.id === value ? ' chip--active' : ''}`} onClick={() => onChange(p.id)}>
              {p.name}
            </View>
          ))}
        </View>
        {error ? <View className='field__error'>{error}</View> : null}
      </View>
    </View>
  );
}
