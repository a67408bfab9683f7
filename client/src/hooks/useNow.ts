import { useEffect, useState } from 'react';
import { serverNow } from '@/api';

/** The server's current time, refreshed every `everyMs` so countdowns stay true while a page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
