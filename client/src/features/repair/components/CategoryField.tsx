import { View } from '@tarojs/components';
import type { RepairReplies } from '@shared/repair/api';
import type { RepairCategory } from '@shared/repair/categories';
import { repairPromiseText } from '@shared/repair/promise';
import { ChipGrid } from '@/components/ChipGrid';
import { Phrases } from '@/components/Phrases';

type Category = RepairReplies['categories']['categories'][number];

interface Props {
  categories: Category[];
  contactHours: number;
  value: RepairCategory | undefined;
  onChange: (c: RepairCategory) => void;
  error?: string;
}

/** Repair categories as large choices, each showing how soon someone will be on site. */
export function CategoryField({ categories, contactHours, value, onChange, error }: Props) {
  const chosen = categories.find((c) => c.id === value);
  return (
    <ChipGrid label='报修类别' idPrefix='category' options={categories} value={value} onChange={onChange} error={error}>
      {chosen ? (
        <View className={`banner ${chosen.onSiteHours < contactHours ? 'banner--warn' : 'banner--info'}`} id='category-promise'>
          <Phrases text={`${chosen.onSiteHours < contactHours ? '水电问题优先处理：' : ''}提交后 ${repairPromiseText(contactHours, chosen.onSiteHours)}`} />
        </View>
      ) : null}
    </ChipGrid>
  );
}
