import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, complaintRulesWith } from '../complaint/categories';
import { DEPARTMENT_LABELS } from '../core/roles';
import { followUpSettingsWith } from '../followup/config';
import { describeWindows } from '../followup/contact';
import { TEMPLATE_PURPOSE_LABELS, TEMPLATE_PURPOSES } from '../followup/templates';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS, repairRulesWith } from '../repair/categories';
import { retentionWith, serviceSettingsWith, type SettingsArea } from './settings';

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
        { label: '消息模板', value: TEMPLATE_PURPOSES.map((p) => `${TEMPLATE_PURPOSE_LABELS[p]}${f.templates[p] ? '已配置' : '未配置（改为电话回访）'}`).join('；') },
        { label: '服务热线', value: f.hotline },
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
        { label: '重复投诉', value: `同一业主同一问题 ${c.repeatWindowDays} 天内再次反映` },
        ...COMPLAINT_CATEGORIES.map((k) => ({ label: `分派：${shortLabel(COMPLAINT_CATEGORY_LABELS[k])}`, value: DEPARTMENT_LABELS[c.routing[k]] })),
        { label: '复审层级', value: c.ladder.map((d) => DEPARTMENT_LABELS[d]).join(' → ') },
      ];
    }
    case 'service':
      return [{ label: '服务台值班', value: serviceSettingsWith(stored).deskHours }];
    case 'retention': {
      const r = retentionWith(stored);
      return [
        { label: '报表保存', value: `${r.reportsMonths} 个月` },
        { label: '查阅记录保存', value: `${r.auditLogYears} 年` },
      ];
    }
  }
}
