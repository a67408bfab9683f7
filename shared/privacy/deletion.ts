import * as z from 'zod/mini';
import { DAY, type Millis } from '../core/time';

export const DELETION_STATES = ['pending', 'done', 'cancelled'] as const;
export type DeletionState = (typeof DELETION_STATES)[number];

/**
 * A homeowner's request to delete their personal data (`deletionRequests/<homeownerId>`): carried out
 * at once, or when `dueAt` comes (by the `retention` timer) when a delay is configured.
 */
export const deletionRequestSchema = z.object({
  _id: z.string(),
  homeownerId: z.string(),
  requestedAt: z.number(),
  /** when the anonymisation is carried out */
  dueAt: z.number(),
  state: z.enum(DELETION_STATES),
  /** `dueAt` while pending, otherwise null: what the timer queries */
  pendingUntil: z.nullable(z.number()),
  doneAt: z.nullable(z.number()),
  cancelledAt: z.nullable(z.number()),
});
export type DeletionRequest = z.infer<typeof deletionRequestSchema>;

export function newDeletionRequest(homeownerId: string, now: Millis, delayDays: number): DeletionRequest {
  const dueAt = now + delayDays * DAY;
  return { _id: homeownerId, homeownerId, requestedAt: now, dueAt, state: 'pending', pendingUntil: dueAt, doneAt: null, cancelledAt: null };
}

export function deletionDone(request: DeletionRequest, now: Millis): DeletionRequest {
  return { ...request, state: 'done', pendingUntil: null, doneAt: now };
}

export function deletionCancelled(request: DeletionRequest, now: Millis): DeletionRequest {
  return { ...request, state: 'cancelled', pendingUntil: null, cancelledAt: now };
}
