/**
 * The privacy notice (隐私政策, PIPL art. 17): purposes, kinds of data, retention, rights and contact.
 * Versioned: every consent entry records the version the homeowner was shown, and a choice made on an
 * older version is refused so the homeowner reads the current text first. Change the text → change
 * the version.
 */
/**
 * The hotline and desk hours come from settings (the one set every screen shows), so the notice names
 * them by this placeholder and the screen fills it in with `withService`.
 */
const HOTLINE_PLACEHOLDER = '服务热线 {hotline}（{deskHours}）';

export const PRIVACY_NOTICE_VERSION = '2026-11-01';

export interface NoticeSection {
  id: string;
  title: string;
  paragraphs: string[];
}

export const PRIVACY_NOTICE: { version: string; company: string; sections: NoticeSection[] } = {
  version: PRIVACY_NOTICE_VERSION,
  company: '本装修公司',
  sections: [
    {
      id: 'purposes',
      title: '我们为什么使用您的信息',
      paragraphs: [
        '服务：履行装修合同所需的施工阶段回访、保修期回访、报修和投诉处理。这些是合同约定的服务，不需要您另外同意，您拒绝营销也不会影响这些服务。',
        '营销：优惠、活动邀请、节日问候、请您推荐亲友。只有您在“营销消息与勿扰”页面逐个渠道（微信消息、短信、电话）明确同意后才会发送，默认都不发送，随时可以一键撤回。',
      ],
    },
    {
      id: 'kinds',
      title: '我们保存哪些信息',
      paragraphs: [
        '您的姓名、手机号、房屋地址，您希望被联系的时间；',
        '工程节点（开工、验收、竣工等日期）、回访问卷的回答、报修和投诉的内容与照片；',
        '您对营销消息的每一次同意和撤回（时间、渠道、方式、当时看到的本说明版本）。',
      ],
    },
    {
      id: 'retention',
      title: '保存多久',
      paragraphs: [
        '个人信息保存到保修期（默认竣工后 5 年）结束后再保留一段时间（默认 1 年，用于处理保修期末的报修和投诉），之后自动匿名化：姓名、手机号、地址被删除。',
        '法律要求保存的业务记录（合同和付款节点、报修和投诉的处理过程、同意记录）在匿名化后继续保存，但不再能对应到您本人。',
      ],
    },
    {
      id: 'rights',
      title: '您的权利',
      paragraphs: [
        '在“我的数据”页面，您可以查看我们保存的信息、下载一份副本、更正姓名和联系电话、申请删除。',
        '营销消息的同意可以随时撤回，撤回立即生效；打开“勿扰”后我们不会再通过任何渠道向您营销。',
        '如果我们不能满足您的请求，会告诉您原因。',
      ],
    },
    {
      id: 'contact',
      title: '联系我们',
      paragraphs: [`${HOTLINE_PLACEHOLDER}。电话里提出的查看、更正、删除或撤回同意，由客服登记并注明登记人和时间。`],
    },
  ],
};


/** A paragraph of the notice with the service's hotline and desk hours, or a pointer to them when unknown. */
export function withService(paragraph: string, service: { hotline: string; deskHours: string } | null): string {
  const line = service ? `服务热线 ${service.hotline}（${service.deskHours}）` : '服务热线（号码和值班时间见首页底部）';
  return paragraph.split(HOTLINE_PLACEHOLDER).join(line);
}
