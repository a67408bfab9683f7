import { Text, View } from '@tarojs/components';
import type { HomeFollowUp } from '@shared/followup/api';
import { monthDay } from '@/lib/calendar';

interface Props {
  waiting: readonly HomeFollowUp[];
  /** 'YYYY-MM-DD' CST: a window already over still takes answers (customer service would call instead) */
  today: string;
  onOpen: (id: string) => void;
}

/** The questionnaires the homeowner can answer now, with how far they got. Ids: `#survey-open-<followUpId>`. */
export function WaitingSurveys({ waiting, today, onOpen }: Props) {
  if (waiting.length === 0) return null;
  return (
    <View className='waiting'>
      {waiting.map((f) => {
        const started = f.progress.answered > 0;
        const share = f.progress.total > 0 ? Math.round((f.progress.answered / f.progress.total) * 100) : 0;
        return (
          <View key={f.id} className='waiting__item' id={`survey-open-${f.id}`} hoverClass='btn--pressed' onClick={() => onOpen(f.id)}>
            <View className='waiting__body'>
              <Text className='waiting__title'>{f.label}</Text>
              <Text className='muted'>
                {started ? (
                  <Text className='nowrap'>
                    已答 {f.progress.answered}/{f.progress.total} 题 ·{' '}
                  </Text>
                ) : null}
                <Text className='nowrap'>{f.windowEnd < today ? '回访期已过，仍可填写' : `请在 ${monthDay(f.windowEnd)} 前填写`}</Text>
              </Text>
              {started ? (
                <View className='progress-bar waiting__bar'>
                  <View className='progress-bar__fill' style={{ width: `${share}%` }} />
                </View>
              ) : null}
            </View>
            <Text className='waiting__go'>{started ? '继续填写' : '去填写'} ›</Text>
          </View>
        );
      })}
    </View>
  );
}

/** The latest answered questionnaires, to read again. Ids: `#survey-done-<followUpId>`. */
export function AnsweredSurveys({ answered, onOpen }: { answered: readonly HomeFollowUp[]; onOpen: (id: string) => void }) {
  if (answered.length === 0) return null;
  return (
    <View className='answered'>
      {answered.slice(0, 3).map((f) => (
        <View key={f.id} className='answered__item' id={`survey-done-${f.id}`} onClick={() => onOpen(f.id)}>
          <Text className='muted'>✓ {f.label}（已完成）</Text>
          <Text className='muted'>查看 ›</Text>
        </View>
      ))}
    </View>
  );
}
