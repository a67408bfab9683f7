import type { AdminReplies } from '@shared/admin/api';
import { callFunction, type Reply } from '@/api';

export type ConfigOverview = AdminReplies['getConfig'] & { entries: AdminReplies['history']['entries'] };

/** The configuration of every area and the latest changes, asked at the same time. */
export async function fetchConfigOverview(): Promise<Reply<ConfigOverview>> {
  const [config, history] = await Promise.all([
    callFunction<AdminReplies['getConfig']>('admin', { action: 'getConfig' }),
    callFunction<AdminReplies['history']>('admin', { action: 'history', limit: 10 }),
  ]);
  if (!config.ok) return config;
  if (!history.ok) return history;
  return { ok: true, data: { areas: config.data.areas, entries: history.data.entries } };
}
