import { CHANNEL_LABELS, METHOD_LABELS } from '@shared/consent/ledger';
import type { ConsentHistoryItem } from '@shared/privacy/api';

/** One line of the consent history, as the homeowner reads it: what changed, and how. */
export function describeEntry(e: ConsentHistoryItem): { what: string; how: string } {
  const what =
    e.subject === 'doNotDisturb'
      ? e.on ? '开启勿扰（不接收任何营销）' : '关闭勿扰'
      : `${e.decision === 'granted' ? '同意' : '撤回'}通过${CHANNEL_LABELS[e.channel]}接收营销信息`;
  const by = e.recordedBy ? `，客服${e.recordedBy.name}登记` : '';
  return { what, how: `${METHOD_LABELS[e.how]}${by} · 隐私说明 ${e.noticeVersion} 版` };
}
