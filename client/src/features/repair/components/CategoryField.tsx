import { Text, View } from '@tarojs/components';
import type { RepairAnswers } from '@shared/repair/api';
import type { RepairCategory } from '@shared/repair/categories';
import { Phrases } from '@/components/Phrases';
import { ChipSub } from '@/components/ChipSub';

type Category = RepairAnswers['categories']['categories'][number];

interface Props {
  categories: Category[];
  value: RepairCategory | undefined;
  onChange: (c: RepairCategory) => void;
  error?: string;
}

/** Repair categories as large choices, each showing how soon someone will be on site. */
export function CategoryField({ categories, value, onChange, error }: Props) {
  const chosen = categories.find((c) => c.id === value);
  return (
    <View className='field'>
      <View className='field__label'>报修类别</View>
      <View className='chips chips--grid category-grid'>
        {categories.map((c) => {
          const [name, detail] = splitLabel(c.label);
          return (
            <View
              key={c.id}
              id={`category-${c.id}`}
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
        <View className={`banner ${chosen.onSiteHours <= 4 ? 'banner--warn' : 'banner--info'}`} id='category-promise'>
          <Phrases text={`${chosen.onSiteHours <= 4 ? '水电问题优先处理：' : ''}提交后 24 小时内联系您，${chosen.onSiteHours} 小时内上门`} />
        </View>
      ) : null}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}

/** '水路（漏水、堵塞、水压）' → ['水路', '漏水、堵塞、水压'] */
function splitLabel(label: string): [string, string | null] {
  const m = /^(.*?)（(.*)）$/.exec(label);
  return m ? [m[1], m[2]] : [label, null];
}
