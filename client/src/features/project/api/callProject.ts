import type { z } from 'zod';
import type { ProjectAnswers, ProjectInputs } from '@shared/project/api';
import { callFunction, type Answer } from '@/api';

export type ProjectAction = keyof typeof ProjectInputs & keyof ProjectAnswers;

/** What an action of the `project` function takes, without its `action` field. */
export type ProjectInput<A extends ProjectAction> = z.input<(typeof ProjectInputs)[A]>;

/** One call to the `project` cloud function, typed by action from shared/project/api. */
export function callProject<A extends ProjectAction>(action: A, input: ProjectInput<A>): Promise<Answer<ProjectAnswers[A]>> {
  return callFunction<ProjectAnswers[A]>('project', { ...input, action });
}
