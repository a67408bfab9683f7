import { fail, ok } from '@shared/core/result';
import { cstDate } from '@shared/core/time';
import { DispatchInputs, sendTestMeaning, type SendTestReply } from '@shared/followup/probe';
import { templateData, TEMPLATE_PURPOSE_LABELS } from '@shared/followup/templates';
import { action, defineFunction } from '../_platform/define';
import { loadFollowUpSettings } from '../_usecases/settings';

/**
 * A deploy check (docs/deploy.md): sends the calling admin one message of a configured template, from
 * the `dispatch` function itself, because the permission to send (`permissions.openapi`) is granted per
 * function. The answer carries WeChat's errcode and what it means. Only to the caller, only for admins,
 * never counted against a homeowner's credits or daily cap.
 */
const sendTestMessage = action({
  input: DispatchInputs.sendTestMessage,
  roles: ['admin'],
  async run({ deps, store, user, now }, { purpose }) {
    const settings = await loadFollowUpSettings(store);
    const template = settings.templates[purpose];
    if (!template) {
      return fail('DISPATCH.NO_TEMPLATE', `还没有配置「${TEMPLATE_PURPOSE_LABELS[purpose]}」的模板：在 settings/followup 的 templates 里填模板 ID（docs/deploy.md 第 6 步）`);
    }
    const today = cstDate(now);
    const data = templateData(template, { title: '部署检查', project: '测试消息', dueDate: today, windowEnd: today, hint: '无需处理', homeowner: user.name });
    let outcome: { errcode: number | null; errmsg: string };
    try {
      const sent = await deps.messenger.send({ touser: user._id, templateId: template.id, page: 'pages/index/index', data }, `sendTestMessage:${user._id}:${now}`);
      outcome = sent.sent ? { errcode: 0, errmsg: 'ok' } : { errcode: sent.errcode, errmsg: sent.errmsg };
    } catch (error) {
      const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
      outcome = {
        errcode: typeof errCode === 'number' ? errCode : null,
        errmsg: typeof errMsg === 'string' ? errMsg : error instanceof Error ? error.message : String(error),
      };
    }
    const reply: SendTestReply = { purpose, templateId: template.id, sent: outcome.errcode === 0, ...outcome, meaning: sendTestMeaning(outcome.errcode) };
    deps.log.info('dispatch test message', { ...reply });
    return ok(reply);
  },
});

export const dispatchFunction = defineFunction('dispatch', { sendTestMessage });
