import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import type { ConsentHistoryItem } from '@shared/privacy/api';
import { describeEntry } from '../model/history';

/** Every choice the homeowner made (or told customer service), newest first. Ids: `#consent-history`, `.consent-history__item`. */
export function ConsentHistory({ history }: { history: ConsentHistoryItem[] }) {
  return (
    <View className='card' id='consent-history'>
      <View className='card__head'>
        <Text className='card__title'>我的选择记录</Text>
      </View>
      {history.length === 0 ? <Text className='muted'>还没有记录。您做出的每一次同意和撤回都会记在这里，不会被修改或删除。</Text> : null}
      {history.map((e) => {
        const { what, how } = describeEntry(e);
        return (
          <View key={e.seq} className='consent-history__item'>
            <Text className='consent-history__what'>{what}</Text>
            <Text className='muted'>
              {formatCst(e.at)} · {how}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
