import { Text, View } from '@tarojs/components';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS } from '@shared/repair/categories';
import { NO_DEFECT, type AnswerValue } from '@shared/survey/catalogue';
import { ChipSub } from '@/components/ChipSub';
import { splitLabel } from '@/lib/labels';

const OPTIONS = [{ id: NO_DEFECT, label: '没有（不需要维修）' }, ...REPAIR_CATEGORIES.map((id) => ({ id, label: REPAIR_CATEGORY_LABELS[id] }))];

interface Props {
  /** each chip's id is `<id>-<option>` (`#q-stillToFix-none`, `#q-stillToFix-plumbing`) */
  id: string;
  value: AnswerValue | undefined;
  onChange: (value: string) => void;
}

/** 没有, or what needs fixing by its repair category: a chosen category becomes a repair ticket. */
export function DefectAnswer({ id, value, onChange }: Props) {
  return (
    <View className='chips chips--grid category-grid'>
      {OPTIONS.map((o) => {
        const [name, detail] = splitLabel(o.label);
        return (
          <View key={o.id} id={`${id}-${o.id}`} className={`chip category-chip${o.id === value ? ' chip--active' : ''}`} hoverClass='btn--pressed' onClick={() => onChange(o.id)}>
            <Text>{name}</Text>
            {detail ? <ChipSub text={detail} /> : null}
          </View>
        );
      })}
    </View>
  );
}
