import { View } from '@tarojs/components';
import type { AnswerValue } from '@shared/survey/catalogue';

interface Props {
  /** each button's id is `<id>-<value>` */
  id: string;
  options: readonly { value: string; label: string }[];
  value: AnswerValue | undefined;
  onChange: (value: string) => void;
}

/** 是 / 否, or 满意 / 一般 / 不满意: a row of big buttons, one tap each. */
export function ChoiceAnswer({ id, options, value, onChange }: Props) {
  return (
    <View className='choice-row'>
      {options.map((o) => (
        <View
          key={o.value}
          id={`${id}-${o.value}`}
          className={`choice${o.value === value ? ' choice--active' : ''}`}
          hoverClass='btn--pressed'
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
