import { cst } from '@shared/core/time';
import { parseCsv, toCsv } from '@shared/admin/csv';
import { lastMondayOf, monthDue, mondayOf, weekDue } from '@shared/report/periods';

const at = (text: string) => cst(text.replace(' ', 'T')).valueOf();

describe('report periods (China Standard Time)', () => {
  it('finds the last Monday of a month, the day of the president’s meeting (001 §八)', () => {
    expect(lastMondayOf('2026-11')).toBe('2026-11-30');
    expect(lastMondayOf('2026-10')).toBe('2026-10-26');
    expect(lastMondayOf('2026-02')).toBe('2026-02-23');
  });

  it('starts a week on Monday in CST, whatever the machine’s zone', () => {
    expect(mondayOf(at('2026-11-29 23:00'))).toBe('2026-11-23');
    expect(mondayOf(at('2026-11-30 00:00'))).toBe('2026-11-30');
  });

  it('makes the weekly report due from Sunday 16:00, an hour before it must be handed in at 17:00', () => {
    expect(weekDue(at('2026-11-29 15:59'))).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekDue(at('2026-11-29 16:00'))).toMatchObject({ from: '2026-11-23', to: '2026-11-29', dueAt: at('2026-11-29 17:00') });
  });

  it('makes the monthly report cover the time between two last Mondays, due on the Sunday before the second', () => {
    expect(monthDue(at('2026-11-29 16:00'))).toMatchObject({ month: '2026-11', from: '2026-10-26', to: '2026-11-29' });
    expect(monthDue(at('2026-11-29 15:00'))).toMatchObject({ month: '2026-10', from: '2026-09-28', to: '2026-10-25' });
  });
});

describe('CSV', () => {
  it('reads what a spreadsheet saves: a byte-order mark, quoted commas and quotes, CRLF, blank lines', () => {
    expect(parseCsv('\uFEFFid,name\r\n1,"欧阳, ""老"" 先生"\r\n\r\n2,王\n')).toEqual([{ id: '1', name: '欧阳, "老" 先生' }, { id: '2', name: '王' }]);
  });

  it('writes UTF-8 with a byte-order mark, quoting what must be, and makes a cell starting with = inert', () => {
    expect(toCsv(['项目', '备注'], [['甲, 乙', '=1+1'], ['丙', -1]])).toBe('\uFEFF项目,备注\r\n"甲, 乙",\'=1+1\r\n丙,-1\r\n');
  });
});
