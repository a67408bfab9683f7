import { createHash } from 'node:crypto';

/**
 * The id of what a submission makes, when the client gave it a request id: the same person and request
 * id give the same document, so a retried submission replies with what the first one made.
 */
export function retryId(openid: string, requestId: string): string {
  return createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32);
}
