import { fail, type Failure } from './result';

/** Failures shared by every function. Domain-specific ones live beside their rules. */
export const CommonErrors = {
  badRequest: (fields?: Record<string, string>): Failure =>
    fail('REQUEST.INVALID', '提交的内容有误，请检查标红的项目后重试', fields),
  unknownAction: (action: string): Failure =>
    fail('REQUEST.UNKNOWN_ACTION', `不支持的操作：${action}`),
  notSignedIn: (): Failure => fail('AUTH.NOT_SIGNED_IN', '请先在微信中登录后再试'),
  /** `hotline`: the one in settings/followup, when it could be read */
  notRegistered: (hotline?: string): Failure =>
    fail('AUTH.NOT_REGISTERED', hotline ? `没有找到您的账户信息：请在首页输入公司给您的邀请码绑定房屋，或致电客服 ${hotline}` : '没有找到您的账户信息：请在首页输入公司给您的邀请码绑定房屋，或联系客服'),
  forbidden: (): Failure => fail('AUTH.FORBIDDEN', '您没有权限进行此操作'),
  internal: (hotline?: string): Failure =>
    fail('SYSTEM.INTERNAL', hotline ? `系统繁忙，请稍后再试；如仍有问题请致电 ${hotline}` : '系统繁忙，请稍后再试；如仍有问题请联系客服'),
} as const;
