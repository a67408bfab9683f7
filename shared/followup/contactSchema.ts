import * as z from 'zod/mini';

/** A contact window as the functions accept and store it (the rules that read windows are in contact.ts). */
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' }));

export const contactWindowSchema = z.object({ days: z.enum(['any', 'weekday', 'weekend'], { error: '请选择哪几天' }), from: hhmm, to: hhmm }).check(
  z.refine((w) => w.from < w.to, { error: '结束时间应晚于开始时间' }),
);

export const contactWindowsSchema = z.array(contactWindowSchema).check(z.minLength(1, { error: '请至少选择一个时段' }), z.maxLength(4, { error: '最多 4 个时段' }));
