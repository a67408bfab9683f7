import { Text, View } from '@tarojs/components';
import { SCORE_LABELS } from '@shared/survey/score';

const SCORES = [0, 1, 2, 3, 4, 5] as const;

/** The 0–5 overall score: six large chips, and what the chosen score means under it. */
export function ScoreAnswer({ id, value, onChange }: { id: string; value: number | undefined; onChange: (n: number) => void }) {
  const chosen = value !== undefined ? SCORE_LABELS[value] : undefined;
  return (
    <View className='score'>
      <View className='score__row'>
        {SCORES.map((n) => (
          <View
            key={n}
            id={`${id}-score-${n}`}
            className={`score__chip${n === value ? ' score__chip--active' : ''}${n <= 2 ? ' score__chip--low' : ''}`}
            hoverClass='btn--pressed'
            onClick={() => onChange(n)}
          >
            {n}
          </View>
        ))}
      </View>
      {chosen && value !== undefined ? (
        <View className={`score__caption${value <= 2 ? ' score__caption--low' : ''}`} id={`${id}-score-label`}>
          <View className='score__caret' style={{ left: `${((value + 0.5) / SCORES.length) * 100}%` }} />
          <Text className='score__label'>
            {value} 分 · {chosen.label}
          </Text>
          <Text className='score__meaning'>{chosen.meaning}</Text>
        </View>
      ) : (
        <View className='score__ends'>
          <Text>0 分 极差</Text>
          <Text>5 分 非常满意</Text>
        </View>
      )}
    </View>
  );
}
