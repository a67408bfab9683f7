import { Text, View } from '@tarojs/components';
import type { ComplaintCategory } from '@shared/complaint/categories';
import { ChipGrid } from '@/components/ChipGrid';
import { Phrases } from '@/components/Phrases';
import type { ComplaintCategories } from '../api/queries';

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
    <ChipGrid label='投诉类别' idPrefix='complaint-category' options={categories} value={value} onChange={onChange} error={error}>
      {chosen ? (
        <View className='banner banner--info' id='complaint-route'>
          将转交<Text className='nowrap'>{chosen.departmentLabel}</Text>处理，<Phrases text={`${replyWithinHours} 小时内答复`} />
        </View>
      ) : null}
    </ChipGrid>
  );
}
