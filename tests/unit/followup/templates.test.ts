import { checkTemplateData, fieldType, fitField, PURPOSE_OF_KIND, templateData, templatesWith } from '@shared/followup/templates';
import { FOLLOW_UP_KINDS } from '@shared/followup/schedule';

const SOURCE = {
  title: '中期回访',
  project: '翠湖花园 3-1201',
  dueDate: '2026-11-23',
  windowEnd: '2026-11-26',
  hint: '点击填写，约 2 分钟',
  homeowner: '李女士',
};

describe('fitting a value to its WeChat keyword', () => {
  it("takes a keyword's type from its name without the number", () => {
    expect(fieldType('thing12')).toBe('thing');
    expect(fieldType('character_string3')).toBe('character_string');
  });

  it('keeps a thing of 20 characters and cuts a longer one to 20 with an ellipsis', () => {
    expect(fitField('thing1', '一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    const cut = fitField('thing1', '杭州市西湖区翠湖花园三幢一二零一室精装修工程');
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('keeps at most 5 Chinese characters in a phrase, dropping everything else', () => {
    expect(fitField('phrase2', '待回访 OK')).toBe('待回访');
    expect(fitField('phrase2', '请尽快填写回访问卷')).toBe('请尽快填写');
  });

  it('writes dates the Chinese way: 2026年11月23日', () => {
    expect(fitField('date3', '2026-11-23')).toBe('2026年11月23日');
    expect(fitField('time4', '2026-03-01')).toBe('2026年3月1日');
  });

  it('fills a template from its field map', () => {
    const data = templateData({ id: 't', fields: { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' } }, SOURCE);
    expect(data).toEqual({
      thing1: { value: '中期回访' }, thing2: { value: '翠湖花园 3-1201' }, date3: { value: '2026年11月23日' }, thing4: { value: '点击填写，约 2 分钟' },
    });
    expect(checkTemplateData(data)).toEqual({});
  });
});

describe('checking template data before WeChat sees it (47003 otherwise)', () => {
  it('catches a thing over 20 characters', () => {
    expect(checkTemplateData({ thing1: { value: 'x'.repeat(21) } })).toHaveProperty('thing1');
  });

  it('catches a phrase that is not 5 Chinese characters or fewer', () => {
    expect(checkTemplateData({ phrase1: { value: '待回访' } })).toEqual({});
    expect(checkTemplateData({ phrase1: { value: '请尽快填写回访' } })).toHaveProperty('phrase1');
    expect(checkTemplateData({ phrase1: { value: 'OK' } })).toHaveProperty('phrase1');
  });

  it('catches a date that is not a date, and accepts both date spellings', () => {
    expect(checkTemplateData({ date2: { value: '下周三' } })).toHaveProperty('date2');
    expect(checkTemplateData({ date2: { value: '2026年11月23日' }, date3: { value: '2026-11-23' } })).toEqual({});
  });

  it('catches an empty value, a keyword type WeChat does not have, and a bad number or phone', () => {
    const problems = checkTemplateData({
      thing1: { value: '' }, colour2: { value: '红' }, number3: { value: '十二' }, phone_number4: { value: 'call me' }, name5: { value: '欧阳娜娜娜娜娜娜娜娜娜' },
    });
    expect(Object.keys(problems).sort()).toEqual(['colour2', 'name5', 'number3', 'phone_number4', 'thing1']);
    expect(problems.thing1).toBe('内容为空');
  });

  it('names the rule and the value so that an admin can fix the template', () => {
    expect(checkTemplateData({ phrase1: { value: 'OK' } }).phrase1).toBe('应为5 个以内汉字：“OK”');
  });
});

describe('reading the configured templates', () => {
  it('keeps well-formed templates and drops unknown values, unknown keyword types and missing ids', () => {
    expect(
      templatesWith({
        stageVisit: { id: 'tpl-stage', fields: { thing1: 'title', thing2: 'nonsense', colour3: 'project', date4: 'dueDate' } },
        warrantyVisit: { id: '', fields: { thing1: 'title' } },
        serviceVisit: { id: 'tpl-service', fields: { colour1: 'title' } },
        marketing: { id: 'tpl-x', fields: { thing1: 'title' } },
      }),
    ).toEqual({ stageVisit: { id: 'tpl-stage', fields: { thing1: 'title', date4: 'dueDate' } } });
    expect(templatesWith(null)).toEqual({});
  });

  it('gives every follow-up kind a template purpose', () => {
    for (const kind of FOLLOW_UP_KINDS) expect(PURPOSE_OF_KIND[kind]).toBeDefined();
    expect(PURPOSE_OF_KIND.afterRepair).toBe('serviceVisit');
    expect(PURPOSE_OF_KIND.warranty).toBe('warrantyVisit');
  });
});
