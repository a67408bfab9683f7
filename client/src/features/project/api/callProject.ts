import type { z } from 'zod/mini';
import type { ProjectReplies, ProjectInputs } from '@shared/project/api';
import { callFunction, type Reply } from '@/api';

export type ProjectAction = keyof typeof ProjectInputs & keyof ProjectReplies;

/** What an action of the `project` function takes, without its `action` field. */
export type ProjectInput<A extends ProjectAction> = z.input<(typeof ProjectInputs)[A]>;

/** One call to the `project` cloud function, typed by action from shared/project/api. */
export function callProject<A extends ProjectAction>(action: A, input: ProjectInput<A>): Promise<Reply<ProjectReplies[A]>> {
  return callFunction<ProjectReplies[A]>('project', { ...input, action });
}
