import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, complaintRulesWith } from '../complaint/categories';
import { DEPARTMENT_LABELS } from '../core/roles';
import { followUpSettingsWith } from '../followup/config';
import { describeWindows } from '../followup/contact';
import { TEMPLATE_PURPOSE_LABELS, TEMPLATE_PURPOSES } from '../followup/templates';
import { campaignTemplateWith } from '../campaign/campaign';
import type { NoticeKind } from '../notify/notice';
import { NOTICE_PURPOSE_LABELS, NOTICE_PURPOSES, notifySettingsWith, templateKey } from '../notify/push';
import { privacySettingsWith } from '../privacy/settings';
import { LEAD_CLASSES, prospectCadenceWith } from '../prospect/prospect';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS, repairRulesWith } from '../repair/categories';
import { retentionWith, type SettingsArea } from './settings';

/** One line of the configuration as an admin reads it. */
export interface SettingLine {
  label: string;
  value: string;
}

const shortLabel = (label: string) => label.replace(/（.*）$/, '');

/** What takes effect in an area, in words (the stored values over the defaults). Pure. */
export function settingsSummary(area: SettingsArea, stored: unknown): SettingLine[] {
  switch (area) {
    case 'followup': {
      const f = followUpSettingsWith(stored);
      const s = f.schedule;
      return [
        { label: '联系时段', value: describeWindows(f.contactWindows) },
        { label: '每位业主每天最多', value: `${f.dailyMessageCap} 条回访消息` },
        { label: '开工初期回访', value: `开工后第 ${s.earlyStageOffsetDays} 天起 ${s.earlyStageWindowDays} 天内` },
        { label: '竣工回访', value: `竣工、交款、办保修后 ${s.completionWithinDays} 天内` },
        { label: '质保期回访', value: `第一年每 ${s.warrantyYear1EveryMonths} 个月，第二年每 ${s.warrantyYear2EveryMonths} 个月，之后每 ${s.warrantyLaterEveryMonths} 个月，共 ${s.warrantyHorizonYears} 年` },
        { label: '未接通重拨', value: `${f.retryCallAfterHours} 小时后` },
        { label: '每次回访最多拨打', value: `${f.maxCallAttempts} 次未接通后不再拨打` },
        { label: '两次拨打至少间隔', value: f.minCallSpacingMinutes ? `${f.minCallSpacingMinutes} 分钟（通话中断可立即重拨）` : '不限（通话中断可立即重拨）' },
        { label: '消息模板', value: TEMPLATE_PURPOSES.map((p) => `${TEMPLATE_PURPOSE_LABELS[p]}${f.templates[p] ? '已配置' : '未配置（改为电话回访）'}`).join('；') },
        { label: '服务热线', value: f.hotline },
        { label: '服务时间', value: f.deskHours },
        { label: '咨询建议回复时限', value: `收到后 ${f.enquiryReplyWithinHours} 小时内（超时通知客服部经理）` },
        { label: '公司名称', value: f.companyName || '（未填写，电话中称“装修公司”）' },
      ];
    }
    case 'repair': {
      const r = repairRulesWith(stored);
      return [
        { label: '联系业主', value: `报修后 ${r.contactWithinHours} 小时内` },
        ...REPAIR_CATEGORIES.map((c) => ({ label: `上门：${shortLabel(REPAIR_CATEGORY_LABELS[c])}`, value: `${r.onSiteWithinHours[c]} 小时内` })),
      ];
    }
    case 'complaint': {
      const c = complaintRulesWith(stored);
      return [
        { label: '答复时限', value: `每一级 ${c.replyWithinHours} 小时内` },
        { label: '处理结果', value: `受理函承诺 ${c.resultWithinDays} 天内给出` },
        { label: '重复投诉', value: `同一业主同一问题 ${c.repeatWindowDays} 天内再次反映` },
        ...COMPLAINT_CATEGORIES.map((k) => ({ label: `分派：${shortLabel(COMPLAINT_CATEGORY_LABELS[k])}`, value: DEPARTMENT_LABELS[c.routing[k]] })),
        { label: '复审层级', value: c.ladder.map((d) => DEPARTMENT_LABELS[d]).join(' → ') },
      ];
    }
    case 'notify': {
      const n = notifySettingsWith(stored);
      const own = (Object.keys(n.templates) as NoticeKind[]).filter((k) => !(NOTICE_PURPOSES as readonly string[]).includes(k)).map(templateKey);
      return [
        { label: '消息模板', value: NOTICE_PURPOSES.map((p) => `${NOTICE_PURPOSE_LABELS[p]}${n.templates[p] ? '已配置' : '未配置（只进消息列表）'}`).join('；') },
        { label: '单独模板', value: own.length ? own.join('、') : '无（按用途的模板发送）' },
        { label: '推送时段', value: `每天 ${n.pushWindow.from}-${n.pushWindow.to}，之外的在下一次时段开始时推送` },
        { label: '推送确认等待', value: `${n.claimLeaseMinutes} 分钟，未确认的不再重发` },
      ];
    }
    case 'privacy': {
      const p = privacySettingsWith(stored);
      return [
        { label: '删除申请', value: p.deletionDelayDays ? `申请后 ${p.deletionDelayDays} 天执行，此前可撤回` : '申请后立即执行' },
        { label: '业主个人信息保存', value: `质保期满后 ${p.retentionDaysAfterWarranty} 天匿名化（报表和员工查阅记录的保存见“保存期限”）` },
      ];
    }
    case 'prospect': {
      const p = prospectCadenceWith(stored);
      return [
        ...LEAD_CLASSES.map((c) => ({ label: `${c} 类客户`, value: `每 ${p.everyDays[c]} 天跟进一次` })),
        { label: '到店后', value: `${p.afterShowroomVisitDays} 天后回访` },
      ];
    }
    case 'campaign': {
      const t = campaignTemplateWith(stored);
      return [
        {
          label: '营销消息模板',
          value: t ? `已配置（${t.id}）：只发给同意微信营销消息的业主，每条写明退订方式` : '未配置：营销活动只能走短信或电话（同样只联系同意的业主）',
        },
      ];
    }
    case 'retention': {
      const r = retentionWith(stored);
      return [
        { label: '报表保存', value: `${r.reportsMonths} 个月` },
        { label: '员工查阅记录保存', value: `${r.auditLogYears} 年` },
        { label: '业主个人信息', value: '不在此设置：见“个人信息”（质保期满后匿名化）' },
      ];
    }
  }
}
