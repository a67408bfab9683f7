/** The questionnaire feature as pages see it (the homeowner's survey and customer service's phone call). */
export { fetchSurvey, type SurveyScreen } from './api/queries';
export { SurveyAnswersView } from './components/SurveyAnswersView';
export { SurveyHeader } from './components/SurveyHeader';
export { SurveySection, sectionOffsets } from './components/SurveySection';
export { SurveyThanks } from './components/SurveyThanks';
export { SurveyWizard } from './components/SurveyWizard';
export { answerErrors, answeredCount, cleanAnswers, missingRequired } from './model/answers';
