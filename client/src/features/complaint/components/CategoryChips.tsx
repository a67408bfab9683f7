import { Text, View } from '@tarojs/components';
import type { ComplaintCategory } from '@shared/complaint/categories';
import { ChipSub } from '@/components/ChipSub';
import { Phrases } from '@/components/Phrases';
import type { ComplaintCategories } from '../api/queries';
import { splitLabel } from '../model/status';

interface Props {
  categories: ComplaintCategories['categories'];
  replyWithinHours: number;
  value: ComplaintCategory | undefined;
  onChange: (c: ComplaintCategory) => void;
  error?: string;
}

/** What the complaint is about, as large choices; once chosen, who will answer and how soon. */
export function CategoryChips({ categories, replyWithinHours, value, onChange, error }: Props) {
  const chosen = categories.find((c) => c.id === value);
  return (
    <View className='field'>
      <View className='field__label'>投诉类别</View>
      <View className='chips chips--grid category-grid'>
        {categories.map((c) => {
          const [name, detail] = splitLabel(c.label);
          return (
            <View
              key={c.id}
              id={`complaint-category-${c.id}`}
              className={`chip category-chip${c.id === value ? ' chip--active' : ''}`}
              onClick={() => onChange(c.id)}
            >
              <Text>{name}</Text>
              {detail ? <ChipSub text={detail} /> : null}
            </View>
          );
        })}
      </View>
      {chosen ? (
        <View className='banner banner--info' id='complaint-route'>
          将转交<Text className='nowrap'>{chosen.departmentLabel}</Text>处理，<Phrases text={`${replyWithinHours} 小时内答复`} />
        </View>
      ) : null}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
