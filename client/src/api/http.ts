import { asReply, unreachable, type Reply } from './reply';
import { currentOpenid } from './persona';

const TIMEOUT_MS = 15_000;

/** H5 transport: the local host replies to `/api/...` the way CloudBase would. */
export async function httpRequest<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: BodyInit,
  contentType = 'application/json',
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  const openid = currentOpenid();
  if (openid) headers['x-openid'] = openid;
  if (body !== undefined) headers['content-type'] = contentType;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: controller.signal });
  } catch {
    return unreachable();
  } finally {
    clearTimeout(timer);
  }
  try {
    return asReply<T>(await res.json());
  } catch {
    return res.ok ? asReply<T>(null) : unreachable();
  }
}
