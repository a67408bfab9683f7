import { Fragment } from 'react';
import { Text } from '@tarojs/components';

const UNIT = '(?:天|小时|分钟|分|周|次|个|张|级|条|单|MB)';
/** Bits a line must not break inside; one capturing group, so `split` puts them at the odd indexes. */
const ATOMS = new RegExp(
  '(' +
    [
      '(?:上午|中午|下午|晚上) ?\\d{1,2}:\\d{2}(?: ?[-~至] ?\\d{1,2}:\\d{2})?', // 上午 9:00-12:00
      '\\d{4}-\\d{1,2}-\\d{1,2}(?: \\d{1,2}:\\d{2})?', // 2026-11-24 12:00
      '\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{2}', // 11-24 08:00
      '\\d{1,2}月\\d{1,2}日(?: \\d{1,2}:\\d{2})?', // 11月24日 18:44
      '\\d{1,2}:\\d{2}(?: ?[-~至] ?\\d{1,2}:\\d{2})?', // 9:00-12:00
      // 4 小时内上门, 44 小时 15 分, 第 1 次复审
      `(?:第 ?)?\\d+ ?${UNIT}(?: \\d+ ?${UNIT})?(?:内[^\\s，。、；：,;:（）()·]{0,2}|复审)?`,
    ].join('|') +
    ')',
);

/**
 * Text that wraps like prose but never inside a time, a time range, a date or a number with its
 * unit ('4 小 / 时内上门', '9:00- / 12:00'): those parts are kept on one line.
 */
export function Phrases({ text }: { text: string }) {
  const parts = text.split(ATOMS);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} className='nowrap'>
            {part}
          </Text>
        ) : part ? (
          <Fragment key={i}>{part}</Fragment>
        ) : null,
      )}
    </>
  );
}
