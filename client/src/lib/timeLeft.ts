import { MINUTE, type Millis } from '@shared/core/time';

export interface TimeLeft {
  overdue: boolean;
  /** under two hours left: worth a warning colour */
  soon: boolean;
  /** '剩余 3 小时 20 分' or '已超时 45 分钟' */
  text: string;
}

/** A span of time in words: minutes under an hour, hours under two days, then days and hours. */
export function describeSpan(ms: Millis): string {
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 48) {
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`;
  }
  return rest ? `${hours} 小时 ${rest} 分` : `${hours} 小时`;
}

/** How long until a deadline, or how long past it. */
export function timeLeft(dueAt: Millis, now: Millis): TimeLeft {
  const diff = dueAt - now;
  if (diff < 0) return { overdue: true, soon: false, text: `已超时 ${describeSpan(-diff)}` };
  return { overdue: false, soon: diff < 2 * 60 * MINUTE, text: `剩余 ${describeSpan(diff)}` };
}
