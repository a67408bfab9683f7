import { Text, View } from '@tarojs/components';
import type { HomeProject } from '@shared/followup/api';
import { StageTimeline } from './StageTimeline';
import { AnsweredSurveys, WaitingSurveys } from './WaitingSurveys';

/** Inside a home's card: the questionnaires waiting for the homeowner, then the stages of the work. */
export function HomeProjectFollowUp({ project, today, onOpenSurvey }: { project: HomeProject; today: string; onOpenSurvey: (id: string) => void }) {
  return (
    <View className='home-followup'>
      {project.waiting.length ? (
        <View className='home-followup__block' id={`waiting-${project.id}`}>
          <View className='home-followup__title'>
            <Text>待您填写</Text>
            <Text className='tag tag--orange'>{project.waiting.length} 份</Text>
          </View>
          <WaitingSurveys waiting={project.waiting} today={today} onOpen={onOpenSurvey} />
        </View>
      ) : null}
      <View className='home-followup__block'>
        <View className='home-followup__title'>
          <Text>施工进度</Text>
        </View>
        <StageTimeline projectId={project.id} steps={project.timeline} today={today} />
      </View>
      <AnsweredSurveys answered={project.answered} onOpen={onOpenSurvey} />
    </View>
  );
}
