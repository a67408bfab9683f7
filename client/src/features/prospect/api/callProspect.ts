import type { z } from 'zod/mini';
import type { ProspectInputs, ProspectReplies } from '@shared/prospect/api';
import { callFunction, type Reply } from '@/api';

export type ProspectAction = keyof typeof ProspectInputs & keyof ProspectReplies;
export type ProspectInput<A extends ProspectAction> = z.input<(typeof ProspectInputs)[A]>;

/** One call to the `prospect` cloud function, typed by action from shared/prospect/api. */
export function callProspect<A extends ProspectAction>(action: A, input: ProspectInput<A>): Promise<Reply<ProspectReplies[A]>> {
  return callFunction<ProspectReplies[A]>('prospect', { ...input, action });
}

export const fetchProspectQueue = () => callProspect('queue', {});
