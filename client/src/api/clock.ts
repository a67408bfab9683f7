import { httpRequest } from './http';

/**
 * The server's idea of now. In WeChat that is the phone's clock. The local host can move its clock
 * (dev shortcut), so in H5 the app asks it once per page and keeps the difference.
 */
let offsetMs = 0;

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export async function syncClock(): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') return;
  const sent = Date.now();
  const reply = await httpRequest<{ now: number }>('GET', '/api/dev/clock');
  if (reply.ok && typeof reply.data.now === 'number') {
    offsetMs = reply.data.now - Math.round((sent + Date.now()) / 2);
  }
}
