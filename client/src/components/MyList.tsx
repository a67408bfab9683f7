import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from './ActionButton';
import { Empty, type EmptyProps } from './StateViews';

interface Props<T> {
  id: string;
  className: string;
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  /** what shows when there is nothing yet */
  empty: Omit<EmptyProps, 'action'>;
  /** '我要报修': the button to start a new one, under the list (`list-<newId>`) or in the empty state (`empty-<newId>`) */
  newLabel: string;
  newId: string;
  onNew: () => void;
}

/** A homeowner's own records, newest first as the server sends them, with a way to start another. */
export function MyList<T>({ id, className, items, renderItem, empty, newLabel, newId, onNew }: Props<T>) {
  if (items.length === 0) {
    return (
      <Empty
        {...empty}
        action={
          <ActionButton kind='primary' onClick={onNew} id={`empty-${newId}`}>
            {newLabel}
          </ActionButton>
        }
      />
    );
  }
  return (
    <View className={className} id={id}>
      {items.map(renderItem)}
      <View className='action-bar'>
        <ActionButton kind='primary' block onClick={onNew} id={`list-${newId}`}>
          {newLabel}
        </ActionButton>
      </View>
    </View>
  );
}
