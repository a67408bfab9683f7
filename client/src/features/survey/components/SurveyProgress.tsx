import { Text, View } from '@tarojs/components';

/** '第 2/5 页' with a bar, and how many questions are answered. */
export function SurveyProgress({ page, pages, answered, total }: { page: number; pages: number; answered: number; total: number }) {
  return (
    <View className='survey-progress' id='survey-progress'>
      <View className='survey-progress__text'>
        <Text id='survey-page'>
          第 {page + 1}/{pages} 页
        </Text>
        <Text className='muted'>
          已答 {answered}/{total} 题
        </Text>
      </View>
      <View className='progress-bar'>
        <View className='progress-bar__fill' style={{ width: `${((page + 1) / pages) * 100}%` }} />
      </View>
    </View>
  );
}
