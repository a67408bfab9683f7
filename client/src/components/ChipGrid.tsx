import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { splitLabel } from '@/lib/labels';
import { ChipSub } from './ChipSub';

interface Props<T extends string> {
  label: string;
  /** each chip's id is `<idPrefix>-<option id>` */
  idPrefix: string;
  options: readonly { id: T; label: string }[];
  value: T | undefined;
  onChange: (id: T) => void;
  error?: string;
  /** shown under the chips, above the error: e.g. what the chosen option means */
  children?: ReactNode;
}

/** A field of large choices, each 'name（detail、detail）' label as a name with a second line. */
export function ChipGrid<T extends string>({ label, idPrefix, options, value, onChange, error, children }: Props<T>) {
  return (
    <View className='field'>
      <View className='field__label'>{label}</View>
      <View className='chips chips--grid category-grid'>
        {options.map((o) => {
          const [name, detail] = splitLabel(o.label);
          return (
            <View key={o.id} id={`${idPrefix}-${o.id}`} className={`chip category-chip${o.id === value ? ' chip--active' : ''}`} onClick={() => onChange(o.id)}>
              <Text>{name}</Text>
              {detail ? <ChipSub text={detail} /> : null}
            </View>
          );
        })}
      </View>
      {children}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
