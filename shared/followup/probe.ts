/** The `dispatch` function's one callable action: a deploy check that sends a test message. */
import * as z from 'zod/mini';
import { TEMPLATE_PURPOSES, type TemplatePurpose } from './templates';

export const DispatchInputs = {
  /** admin: send one test message of the template configured for `purpose` to the caller */
  sendTestMessage: z.object({ purpose: z._default(z.enum(TEMPLATE_PURPOSES, { error: '请选择 stageVisit、warrantyVisit 或 serviceVisit' }), 'stageVisit') }),
};

export interface SendTestReply {
  purpose: TemplatePurpose;
  templateId: string;
  sent: boolean;
  /** WeChat's errcode: 0 when sent; null when the call failed before WeChat answered */
  errcode: number | null;
  errmsg: string;
  /** what it means and what to do, in Chinese */
  meaning: string;
}

/** What the errcodes of subscribeMessage.send mean at deploy time, and what to do about each. */
export function sendTestMeaning(errcode: number | null): string {
  switch (errcode) {
    case 0:
      return '发送成功：dispatch 有发送订阅消息的权限，模板和字段都对';
    case 43101:
      return '你还没有接受这个模板的提醒（或已用完）：在小程序首页点「接收回访提醒」并允许，再试一次';
    case -604101:
      return 'dispatch 没有云调用权限：用微信开发者工具上传 dispatch（docs/deploy.md 第 4 步），等 10 分钟再试';
    case 40037:
      return '模板 ID 不对：核对 settings/followup 里的模板 ID 与订阅消息后台的是否一致';
    case 47003:
      return '模板字段不对：settings/followup 的 fields 要与模板的关键词一一对应（thing1、date3 等）';
    case 41030:
      return '页面路径不对：确认小程序已发布（或把 MINIPROGRAM_STATE 设为 developer/trial 测试开发版、体验版）';
    case null:
      return '没有收到微信的答复：看 dispatch 的日志（云开发控制台 → 云函数 → 日志）';
    default:
      return '微信拒绝了这条消息：按 errcode 查微信「发送订阅消息」文档的错误码说明';
  }
}
