import fs from 'node:fs';
import path from 'node:path';
import { questionsOf, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { answerEstimate, answerMinutes } from '@shared/survey/estimate';
import { callScript } from '@shared/followup/calls';
import { homeRepairPromise, repairPromiseText } from '@shared/repair/promise';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';

const CLIENT = path.resolve(__dirname, '../../../client/src');
const SHARED = path.resolve(__dirname, '../../../shared');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(tsx?|scss)$/.test(e.name) ? [p] : [];
  });
}

describe('honest copy', () => {
  it('no screen, error or notice text writes a hotline number of its own: the one from settings is served by me.whoami', () => {
    // the one place a number is written: the default of settings/followup, which an admin changes
    const theDefault = path.join(SHARED, 'followup', 'config.ts');
    const written = [...sources(CLIENT), ...sources(SHARED)].filter((f) => f !== theDefault && /\b400-\d{3}-\d{4}\b/.test(fs.readFileSync(f, 'utf8')));
    expect(written.map((f) => path.relative(path.dirname(CLIENT), f))).toEqual([]);
  });

  it('no homeowner screen counts WeChat acceptances ("剩余 0 次")', () => {
    const jargon = sources(CLIENT).filter((f) => /剩余\s*\{?[^}]*\}?\s*次/.test(fs.readFileSync(f, 'utf8')));
    expect(jargon.map((f) => path.relative(CLIENT, f))).toEqual([]);
  });

  it('time estimates match the questionnaire’s length: 26 questions are about 5 minutes in the app and 10 on the phone', () => {
    const started = DEFAULT_SURVEYS.started;
    expect(questionsOf(started)).toHaveLength(26);
    expect(answerMinutes(started)).toBe(5);
    expect(answerMinutes(started, 'phone')).toBe(10);
    expect(answerEstimate(started)).toBe('共 26 题，大约 5 分钟');
    // a short questionnaire is short
    expect(answerMinutes(DEFAULT_SURVEYS.afterRepair)).toBe(2);
  });

  it('no questionnaire text promises a fixed number of minutes; the phone script says what the questions take', () => {
    for (const stage of Object.keys(DEFAULT_SURVEYS) as SurveyStage[]) expect(DEFAULT_SURVEYS[stage].intro).not.toMatch(/\d+\s*分钟/);
    const script = callScript({ kind: 'midStage', projectName: '翠湖花园 3-1201', homeownerName: '李女士', agentName: '徐客服', hotline: '400-820-1234', companyName: '', minutes: answerMinutes(DEFAULT_SURVEYS.mid, 'phone') });
    expect(script[1]).toContain(`大约占用您 ${answerMinutes(DEFAULT_SURVEYS.mid, 'phone')} 分钟`);
    expect(answerMinutes(DEFAULT_SURVEYS.mid, 'phone')).toBeGreaterThanOrEqual(5);
  });

  it('"24 小时内联系您，4 小时内上门" does not read as a contradiction: a visit due first says the call comes before it', () => {
    expect(repairPromiseText(24, 4)).toBe('4 小时内上门（出发前会先电话联系您）');
    expect(repairPromiseText(24, 24)).toBe('24 小时内联系您约好时间并上门');
    expect(repairPromiseText(12, 48)).toBe('12 小时内联系您约定时间，48 小时内上门');
    expect(homeRepairPromise(DEFAULT_REPAIR_RULES)).toBe('报修后 24 小时内联系您；漏水、断电等水电问题 4 小时内上门');
  });
});
