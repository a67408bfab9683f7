/**
 * The deploy check of docs/deploy.md: `dispatch`'s sendTestMessage sends the calling admin one message
 * from the function that holds the permission to send, and reports WeChat's errcode with its meaning.
 */
import type { Messenger, SubscribeMessage } from '../../cloudfunctions/_platform/ports';
import { dispatchFunction } from '../../cloudfunctions/dispatch/probe';
import { PEOPLE, world, type World } from './harness';

const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };

async function configured(w: World): Promise<void> {
  await w.db.collection('settings').doc('followup').set({
    templates: { stageVisit: { id: 'tpl-stage', fields: FIELDS }, warrantyVisit: { id: 'tpl-warranty', fields: FIELDS } },
  });
}

/** A messenger that answers as WeChat would: `answer` is what send does. */
function messenger(w: World, answer: (m: SubscribeMessage) => Promise<Awaited<ReturnType<Messenger['send']>>>): SubscribeMessage[] {
  const sent: SubscribeMessage[] = [];
  w.deps.messenger = { send: async (m) => (sent.push(m), answer(m)) };
  return sent;
}

describe('the deploy check (dispatch.sendTestMessage)', () => {
  it('sends the calling admin one message of the configured template and reports errcode 0', async () => {
    const w = await world();
    await configured(w);
    const sent = messenger(w, async () => ({ sent: true }));
    const r = await w.call(dispatchFunction, PEOPLE.admin._id, { action: 'sendTestMessage', purpose: 'warrantyVisit' });
    expect(r).toMatchObject({ ok: true, data: { purpose: 'warrantyVisit', templateId: 'tpl-warranty', sent: true, errcode: 0 } });
    expect(r.data.meaning).toContain('发送成功');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: PEOPLE.admin._id, templateId: 'tpl-warranty', page: 'pages/index/index' });
    expect(sent[0]?.data.thing1?.value).toBe('部署检查');
  });

  it('only an admin may run it: every other role is refused and nothing is sent', async () => {
    const w = await world();
    await configured(w);
    const sent = messenger(w, async () => ({ sent: true }));
    for (const who of [PEOPLE.owner, PEOPLE.sm, PEOPLE.cs, PEOPLE.engManager]) {
      expect(await w.call(dispatchFunction, who._id, { action: 'sendTestMessage' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(dispatchFunction, null, { action: 'sendTestMessage' })).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
  });

  it('reports WeChat refusing the message with its errcode and what to do', async () => {
    const w = await world();
    await configured(w);
    messenger(w, async () => ({ sent: false, errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    const r = await w.call(dispatchFunction, PEOPLE.admin._id, { action: 'sendTestMessage' });
    expect(r).toMatchObject({ ok: true, data: { sent: false, errcode: 43101, templateId: 'tpl-stage' } });
    expect(r.data.meaning).toContain('接收回访提醒');
  });

  it('reports a function without the permission to send (-604101) instead of failing', async () => {
    const w = await world();
    await configured(w);
    messenger(w, async () => {
      throw Object.assign(new Error('no permission'), { errCode: -604101, errMsg: 'function has no permission to call this API' });
    });
    const r = await w.call(dispatchFunction, PEOPLE.admin._id, { action: 'sendTestMessage' });
    expect(r).toMatchObject({ ok: true, data: { sent: false, errcode: -604101 } });
    expect(r.data.meaning).toContain('微信开发者工具上传 dispatch');
  });

  it('says which template is missing when none is configured for the purpose', async () => {
    const w = await world();
    await configured(w);
    const sent = messenger(w, async () => ({ sent: true }));
    const r = await w.call(dispatchFunction, PEOPLE.admin._id, { action: 'sendTestMessage', purpose: 'serviceVisit' });
    expect(r).toMatchObject({ ok: false, code: 'DISPATCH.NO_TEMPLATE' });
    expect(r.message).toContain('模板');
    expect(sent).toEqual([]);
  });
});
