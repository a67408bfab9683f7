import { Text, View } from '@tarojs/components';

/** What a staff list shows: open or closed (历史), and optionally only one status. */
export interface ListView<S extends string> {
  closed: boolean;
  status?: S;
}

interface Props<S extends string> {
  /** ids are `<idPrefix>-open`, `<idPrefix>-closed`, `<idPrefix>-all`, `<idPrefix>-<status>` */
  idPrefix: string;
  view: ListView<S>;
  onChange: (view: ListView<S>) => void;
  open: readonly S[];
  closed: readonly S[];
  labels: Record<S, string>;
  closedLabel?: string;
}

/** 待处理 / 已关闭 tabs, then the view's statuses to narrow it to one (全部: all of them). */
export function ListFilter<S extends string>({ idPrefix, view, onChange, open, closed, labels, closedLabel = '已关闭' }: Props<S>) {
  const statuses = view.closed ? closed : open;
  return (
    <View className='list-filter' id={idPrefix}>
      <View className='list-filter__tabs'>
        <View id={`${idPrefix}-open`} className={`list-filter__tab${view.closed ? '' : ' list-filter__tab--active'}`} onClick={() => onChange({ closed: false })}>
          <Text>待处理</Text>
        </View>
        <View id={`${idPrefix}-closed`} className={`list-filter__tab${view.closed ? ' list-filter__tab--active' : ''}`} onClick={() => onChange({ closed: true })}>
          <Text>{closedLabel}</Text>
        </View>
      </View>
      <View className='list-filter__statuses'>
        <View id={`${idPrefix}-all`} className={`list-filter__status${view.status ? '' : ' list-filter__status--active'}`} onClick={() => onChange({ closed: view.closed })}>
          全部
        </View>
        {statuses.map((s) => (
          <View
            key={s}
            id={`${idPrefix}-${s}`}
            className={`list-filter__status${view.status === s ? ' list-filter__status--active' : ''}`}
            onClick={() => onChange({ closed: view.closed, status: s })}
          >
            {labels[s]}
          </View>
        ))}
      </View>
    </View>
  );
}
