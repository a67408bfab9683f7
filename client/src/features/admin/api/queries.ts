import type { AdminReplies } from '@shared/admin/api';
import { callFunction, type Reply } from '@/api';

export type ConfigOverview = AdminReplies['getConfig'] & { entries: AdminReplies['history']['entries']; imports: AdminReplies['history']['entries'] };

/** The configuration of every area, the latest changes and the latest imports, asked at the same time. */
export async function fetchConfigOverview(): Promise<Reply<ConfigOverview>> {
  const [config, history, imports] = await Promise.all([
    callFunction<AdminReplies['getConfig']>('admin', { action: 'getConfig' }),
    callFunction<AdminReplies['history']>('admin', { action: 'history', limit: 10 }),
    callFunction<AdminReplies['history']>('admin', { action: 'history', kind: 'import', limit: 5 }),
  ]);
  if (!config.ok) return config;
  if (!history.ok) return history;
  if (!imports.ok) return imports;
  return { ok: true, data: { areas: config.data.areas, entries: history.data.entries, imports: imports.data.entries } };
}
