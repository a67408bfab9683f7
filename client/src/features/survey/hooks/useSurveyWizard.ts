import { useRef, useState } from 'react';
import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import type { SurveyReplies } from '@shared/survey/api';
import { questionsOf, type AnswerValue, type Answers, type Survey } from '@shared/survey/catalogue';
import { newRequestId } from '@/lib/requestId';
import { saveSurveyDraft, submitSurvey } from '../api/queries';
import { answerErrors, cleanAnswers, missingRequired, pageOf, resumePage } from '../model/answers';

type Submitted = SurveyReplies['submit'];

/** Scrolls to the top of the page, or to an element by selector. */
function scrollTo(selector?: string): void {
  const options = selector ? { selector, duration: 200 } : { scrollTop: 0, duration: 0 };
  void Taro.pageScrollTo(options).catch(() => undefined);
}

/**
 * A questionnaire answered page by page: it opens where the homeowner left off, 下一页 checks the
 * page's required questions and saves the draft, leaving the page saves what changed, and 提交 checks
 * everything (going back to the first page with a gap) before sending it once (one request id).
 */
export function useSurveyWizard(followUpId: string, survey: Survey, initial: Answers, onSubmitted: (result: Submitted) => void) {
  const [answers, setAnswers] = useState<Answers>(initial);
  const [page, setPage] = useState(() => resumePage(survey, initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<'next' | 'submit' | null>(null);
  const requestId = useRef(newRequestId());
  const dirty = useRef(false);
  const latest = useRef(answers);
  latest.current = answers;

  const save = async () => {
    const answer = await saveSurveyDraft(followUpId, cleanAnswers(latest.current));
    if (answer.ok) dirty.current = false;
    return answer;
  };
  const saveIfChanged = () => {
    if (dirty.current) void save();
  };
  useDidHide(saveIfChanged);
  useUnload(saveIfChanged);

  const answer = (questionId: string, value: AnswerValue) => {
    dirty.current = true;
    setAnswers((a) => ({ ...a, [questionId]: value }));
    setErrors((e) => {
      if (!(questionId in e)) return e;
      const rest = { ...e };
      delete rest[questionId];
      return rest;
    });
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const at = pageOf(survey, Object.keys(found));
    if (at >= 0 && at !== page) setPage(at);
    const first = at >= 0 ? survey.sections[at].questions.find((q) => q.id in found) : undefined;
    if (first) setTimeout(() => scrollTo(`#q-${first.id}`), 50);
  };

  const next = async () => {
    setFailure(null);
    const missing = missingRequired(survey.sections[page].questions, answers);
    if (Object.keys(missing).length) return showErrors(missing);
    setBusy('next');
    const saved = await save();
    setBusy(null);
    if (!saved.ok) {
      setFailure(saved);
      return showErrors(answerErrors(saved.fields));
    }
    setErrors({});
    setPage((p) => Math.min(p + 1, survey.sections.length - 1));
    scrollTo();
  };

  const previous = () => {
    setFailure(null);
    saveIfChanged();
    setPage((p) => Math.max(0, p - 1));
    scrollTo();
  };

  const submit = async () => {
    setFailure(null);
    const missing = missingRequired(questionsOf(survey), answers);
    if (Object.keys(missing).length) return showErrors(missing);
    setBusy('submit');
    const sent = await submitSurvey(followUpId, cleanAnswers(answers), requestId.current);
    setBusy(null);
    if (!sent.ok) {
      setFailure(sent);
      return showErrors(answerErrors(sent.fields));
    }
    dirty.current = false;
    onSubmitted(sent.data);
  };

  return { answers, answer, page, errors, failure, busy, next, previous, submit };
}
