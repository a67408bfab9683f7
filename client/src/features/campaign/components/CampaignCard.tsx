import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { approveCampaign } from '../api/campaigns';
import type { CampaignSummary } from '@shared/campaign/api';
import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS, PROJECT_STAGE_LABELS } from '@shared/campaign/labels';
import { formatCst } from '@shared/core/time';

const WARRANTY_LABELS = { any: '', registered: '已办理保修', notRegistered: '未办理保修' } as const;

/** Who a campaign goes to, in words: '施工中 · 已办理保修 · 杭州', or '全部业主'. */
export function audienceText(a: CampaignSummary['audience']): string {
  const parts = [a.stages.map((s) => PROJECT_STAGE_LABELS[s]).join('、'), WARRANTY_LABELS[a.warranty], a.city ?? ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部业主';
}

/**
 * One campaign: what, to whom, on which channel, when, who defined and who approved it, and what became
 * of its sends. Another admin's proposed campaign has 审批通过 (004 4.5: approved before it goes out).
 */
export function CampaignCard({ campaign: initial }: { campaign: CampaignSummary }) {
  const [c, setC] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const approve = async () => {
    setBusy(true);
    setFailure(null);
    const r = await approveCampaign(c._id);
    setBusy(false);
    if (r.ok) setC({ ...c, ...r.data.campaign, canApprove: false });
    else setFailure(r);
  };
  const tone = c.status === 'cancelled' ? 'tag--red' : c.status === 'proposed' ? 'tag--orange' : c.status === 'scheduled' ? 'tag--blue' : 'tag--green';
  const phone = c.channel === 'phone';
  return (
    <View className='card campaign-card' id={`campaign-${c._id}`}>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{c.title}</Text>
        <Text className={`tag ${tone}`}>{CAMPAIGN_STATUS_LABELS[c.status]}</Text>
      </View>
      <View className='card__sub'>{c.body}</View>
      <View className='row'>
        <Text className='row__label'>类型</Text>
        <Text className='row__value'>{c.holiday ? `${CAMPAIGN_KIND_LABELS[c.kind]}（${c.holiday.year} ${c.holiday.name}）` : CAMPAIGN_KIND_LABELS[c.kind]}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>渠道</Text>
        <Text className='row__value'>{CAMPAIGN_CHANNEL_LABELS[c.channel]}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>对象</Text>
        <Text className='row__value'>{audienceText(c.audience)}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>时间</Text>
        <Text className='row__value'>{phone ? `${formatCst(c.sendAt)} 起，客服在联系时段拨打` : `${formatCst(c.sendAt)} 起，3 天内在联系时段发出`}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>审批</Text>
        <Text className='row__value' id={`campaign-approval-${c._id}`}>
          {c.approved
            ? `${c.createdBy.name} 创建，${c.approved.by.name} ${formatCst(c.approved.at, 'M月D日 HH:mm')} 审批通过`
            : c.status === 'proposed'
              ? `${c.createdBy.name} 创建，等待另一位管理员审批；审批前不会发出`
              : `${c.createdBy.name} 创建`}
        </Text>
      </View>
      <View className='row campaign-card__counts'>
        <Text className='row__label'>结果</Text>
        <Text className='row__value'>
          {phone
            ? `待拨 ${c.counts.callTask} · 已拨 ${c.counts.called} · 未安排 ${c.counts.skipped}`
            : `已发 ${c.counts.sent} · 等待 ${c.counts.pending} · 未发 ${c.counts.skipped}`}
        </Text>
      </View>
      {c.counts.skipped > 0 ? (
        <View className='muted campaign-card__note'>
          未发的 {c.counts.skipped} 位中，{c.counts.skippedNoConsent} 位轮到时没有同意营销（未同意、已撤回或开启勿扰）；其余为活动取消、过期，或业主没有接收营销消息的微信授权。
        </View>
      ) : null}
      {c.canApprove ? (
        <View className='campaign-card__approve'>
          <FailureBanner failure={failure} id={`campaign-approve-error-${c._id}`} />
          <ActionButton kind='primary' id={`campaign-approve-${c._id}`} disabled={busy} onClick={() => void approve()}>
            {busy ? '审批中…' : '内容无误，审批通过'}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
