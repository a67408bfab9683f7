import { Text, View } from '@tarojs/components';
import type { RepairRating } from '@shared/repair/ticket';
import { SCORE_LABELS } from '@shared/survey/score';
import { formatCst } from '@shared/core/time';
import { RATING_QUESTIONS } from '../model/rating';

/** A rating already given, read-only. */
export function RatingSummary({ rating }: { rating: RepairRating }) {
  return (
    <View className='card' id='repair-rating-summary'>
      <View className='card__head'>
        <Text className='card__title'>评价</Text>
        <Text className='card__sub nowrap'>{formatCst(rating.at)}</Text>
      </View>
      <View className='rating-summary__score'>
        <Text className='stars'>{'★'.repeat(rating.score)}{'☆'.repeat(5 - rating.score)}</Text>
        <Text className='rating-summary__label'>
          {rating.score} 分 · {SCORE_LABELS[rating.score]?.label ?? ''}
        </Text>
      </View>
      {RATING_QUESTIONS.map((q) => (
        <View className='row' key={q.key}>
          <Text className='row__label'>{q.short}</Text>
          <Text className={rating[q.key] ? 'row__value text-ok' : 'row__value text-danger'}>{rating[q.key] ? '是' : '否'}</Text>
        </View>
      ))}
      {rating.comment ? <Text className='rating-summary__comment pre-wrap'>“{rating.comment}”</Text> : null}
    </View>
  );
}
