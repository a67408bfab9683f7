import { breachesPerManager } from '../../client/src/features/report/model/breaches';

type Row = Parameters<typeof breachesPerManager>[0][number];
const row = (siteManagerId: string, name: string, category: Row['category'], breaches: number, tickets: number): Row => ({
  siteManagerId, name, category, categoryLabel: category, breaches, tickets,
});

describe('the monthly report’s chart of missed repair deadlines', () => {
  it('adds up each site manager’s missed deadlines and tickets over the categories, most first', () => {
    const rows = [row('sm-zhang', '张建国', 'electrical', 2, 1), row('sm-wang', '王强', 'plumbing', 3, 2), row('sm-zhang', '张建国', 'plumbing', 2, 2)];
    expect(breachesPerManager(rows)).toEqual([
      { siteManagerId: 'sm-zhang', name: '张建国', breaches: 4, tickets: 3 },
      { siteManagerId: 'sm-wang', name: '王强', breaches: 3, tickets: 2 },
    ]);
  });

  it('orders site managers with as many misses by name, and has no bar when nothing was missed', () => {
    // (in the order of the names' characters, as localeCompare puts them without a locale: 李 before 陈)
    const tied = breachesPerManager([row('sm-a', '陈一', 'electrical', 1, 1), row('sm-b', '李四', 'electrical', 1, 1)]);
    expect(tied.map((m) => m.name)).toEqual(['李四', '陈一']);
    expect(breachesPerManager([])).toEqual([]);
  });
});
