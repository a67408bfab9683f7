import { dispatchTimer } from '../../cloudfunctions/dispatch/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { stores } from '../../cloudfunctions/_platform/stores';
import { syncFollowUps } from '../../cloudfunctions/_usecases/followups';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { PEOPLE, world, type World } from './harness';

const { owner, otherOwner } = PEOPLE;
const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };
const TEMPLATES = { stageVisit: { id: 'tpl-stage', fields: FIELDS }, warrantyVisit: { id: 'tpl-warranty', fields: FIELDS }, serviceVisit: { id: 'tpl-service', fields: FIELDS } };
const CHANNELS = ['subscription', 'sms', 'phone'];

/** What a homeowner's project is owed and got, with the project's own id taken out so two projects compare. */
async function serviceOf(w: World, projectId: string, homeownerId: string) {
  const followUps = (await w.db.collection('followups').where({ projectId }).orderBy('_id', 'asc').limit(1000).get()).data as Record<string, unknown>[];
  const messages = (await w.db.collection('outbox').orderBy('_id', 'asc').limit(1000).get()).data as Record<string, unknown>[];
  const repairs = (await w.db.collection('repairs').where({ homeownerId }).limit(100).get()).data as Record<string, unknown>[];
  return {
    followUps: followUps.map((f) => ({ key: f.key, kind: f.kind, state: f.state, dueDate: f.dueDate, phoneReason: f.phoneReason, sentAt: f.sentAt })),
    messages: messages.filter((m) => m.touser === homeownerId).map((m) => ({ templateId: m.templateId, sentAt: m.sentAt })),
    repairs: repairs.map((r) => ({ status: r.status, deadlines: r.deadlines, category: r.category })),
  };
}

describe('PIPL art. 16: refusing marketing never worsens service', () => {
  it('a homeowner who refuses every channel and turns on 勿扰 gets exactly the follow-ups, messages and repairs of one who consents to all', async () => {
    const w = await world('2026-03-01T09:00:00+08:00');
    await w.db.collection('settings').doc('followup').set({ templates: TEMPLATES });
    // the same stage on both sites
    await w.db.collection('projects').doc('p-binjiang').update({ milestones: { started: '2026-02-20' } });
    for (const p of ['p-cuihu', 'p-binjiang']) await syncFollowUps(stores(w.db), p, w.clock.now());
    for (const who of [owner._id, otherOwner._id]) {
      for (let i = 0; i < 3; i++) await w.call(followup, who, { action: 'subscribed', results: { 'tpl-stage': 'accept' } });
    }
    for (const channel of CHANNELS) {
      expect(await w.call(privacy, owner._id, { action: 'setConsent', channel, decision: 'withdrawn', noticeVersion: PRIVACY_NOTICE_VERSION })).toMatchObject({ ok: true });
      expect(await w.call(privacy, otherOwner._id, { action: 'setConsent', channel, decision: 'granted', noticeVersion: PRIVACY_NOTICE_VERSION })).toMatchObject({ ok: true });
    }
    await w.call(privacy, owner._id, { action: 'setDoNotDisturb', on: true, noticeVersion: PRIVACY_NOTICE_VERSION });

    for (let day = 1; day <= 20; day++) {
      for (const time of ['10:05', '15:05', '17:40']) {
        w.clock.set(`2026-03-${String(day).padStart(2, '0')}T${time}:00+08:00`);
        await dispatchTimer(w.deps)();
      }
    }
    for (const [who, projectId] of [[owner._id, 'p-cuihu'], [otherOwner._id, 'p-binjiang']]) {
      expect(await w.call(repair, who, {
        action: 'create', projectId, category: 'electrical', description: '卫生间插座跳闸，整屋断电', photos: [w.files.add(`local://uploads/${projectId.padEnd(24, 'a')}.jpg`)],
        preferredVisit: { date: '2026-03-21', slot: 'afternoon' },
      })).toMatchObject({ ok: true });
    }
    const refusing = await serviceOf(w, 'p-cuihu', owner._id);
    const consenting = await serviceOf(w, 'p-binjiang', otherOwner._id);
    expect(refusing.messages.length).toBeGreaterThan(0);
    expect(refusing.followUps.length).toBeGreaterThan(0);
    expect(refusing).toEqual(consenting);
  });
});
