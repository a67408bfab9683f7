import { checkTemplateData } from '@shared/followup/templates';
import { noticeData, notifySettingsWith, pushTime, templateFor, DEFAULT_PUSH_WINDOW, TEMPLATE_KEYS } from '@shared/notify/push';

const at = (iso: string) => new Date(iso).getTime();

describe('pushTime', () => {
  it('pushes at once between 08:00 and 21:00 China time', () => {
    expect(pushTime(at('2026-11-29T08:00:00+08:00'), DEFAULT_PUSH_WINDOW)).toBe(at('2026-11-29T08:00:00+08:00'));
    expect(pushTime(at('2026-11-29T20:59:00+08:00'), DEFAULT_PUSH_WINDOW)).toBe(at('2026-11-29T20:59:00+08:00'));
  });

  it('holds a notice made at night for 08:00 the next morning, and one made before 08:00 for 08:00 that day', () => {
    expect(pushTime(at('2026-11-29T21:00:00+08:00'), DEFAULT_PUSH_WINDOW)).toBe(at('2026-11-30T08:00:00+08:00'));
    expect(pushTime(at('2026-11-29T21:30:00+08:00'), DEFAULT_PUSH_WINDOW)).toBe(at('2026-11-30T08:00:00+08:00'));
    expect(pushTime(at('2026-11-30T06:10:00+08:00'), DEFAULT_PUSH_WINDOW)).toBe(at('2026-11-30T08:00:00+08:00'));
  });
});

describe('notify settings', () => {
  it('uses a kind’s own template (stored as repair_urged: a CloudBase field name has no dot) before its purpose’s, and keeps only fields WeChat knows', () => {
    expect(TEMPLATE_KEYS.every((k) => !k.includes('.'))).toBe(true);
    const s = notifySettingsWith({
      templates: {
        staffWork: { id: 'tpl-staff', fields: { thing1: 'title', bogus2: 'body', thing3: 'nonsense' } },
        repair_urged: { id: 'tpl-urge', fields: { thing1: 'title' } },
      },
      pushWindow: { from: '25:00', to: '08:00' },
    });
    expect(templateFor(s, 'repair.urged')?.id).toBe('tpl-urge');
    expect(templateFor(s, 'repair.assigned')).toEqual({ id: 'tpl-staff', fields: { thing1: 'title' } });
    expect(templateFor(s, 'repair.accepted')).toBeNull();
    expect(s.pushWindow).toEqual(DEFAULT_PUSH_WINDOW);
  });

  it('fits a notice to WeChat’s field rules: text cut to 20 characters, the time written the Chinese way', () => {
    const data = noticeData(
      { id: 't', fields: { thing1: 'title', thing2: 'body', character_string3: 'ref', time4: 'time' } },
      { title: '业主催单', body: '滨江壹号 8-601 的业主在 11月29日 21:54 催促报修：已超过承诺时间，请尽快联系并上门。', ref: null, createdAt: at('2026-11-29T21:54:00+08:00') },
    );
    expect(data.thing2.value).toBe('滨江壹号 8-601 的业主在 11月…');
    expect(Array.from(data.thing2.value)).toHaveLength(20);
    expect(data.time4.value).toBe('2026年11月29日 21:54');
    expect(data.character_string3.value).toBe('-');
    expect(checkTemplateData(data)).toEqual({});
  });
});
