/**
 * The declared CloudBase indexes (cloudfunctions/_platform/indexes.ts): the rule that decides whether
 * one serves a query, the deploy guide listing exactly them, and the queries the known gaps came from
 * (every integration file is also checked by indexes.setup.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { indexTable, INDEXES, servedBy, type IndexDeclaration } from '../../cloudfunctions/_platform/indexes';
import { recordQueries } from '../../host/db/queryLog';
import { PEOPLE, world } from './harness';

const { owner, cs, admin, designManager } = PEOPLE;
const shape = (collection: string, filters: Record<string, string>, sort: string[] = []) => ({
  collection,
  filters,
  sort: sort.map((field) => ({ field })),
});

describe('which index serves a query', () => {
  const only = (...fields: string[]): IndexDeclaration[] => [
    { collection: 'projects', fields: fields.map((f) => [f, 'asc'] as const), usedBy: 'test' },
  ];

  it('an index serves a query when it starts with a field the query filters on and holds every field it sorts on', () => {
    expect(servedBy(shape('projects', { homeownerId: 'equal' }, ['createdAt']), only('homeownerId', 'createdAt'))).not.toBeNull();
    expect(servedBy(shape('projects', { homeownerId: 'equal' }, ['createdAt']), only('homeownerId'))).toBeNull();
    expect(servedBy(shape('projects', {}, ['createdAt']), only('createdAt'))).not.toBeNull();
    expect(servedBy(shape('projects', {}, ['createdAt']), only('homeownerId', 'createdAt'))).toBeNull();
    expect(servedBy(shape('projects', { name: 'equal' }), only('homeownerId', 'name'))).toBeNull();
    expect(servedBy(shape('repairs', { homeownerId: 'equal' }), only('homeownerId'))).toBeNull();
  });

  it('a query on _id needs no declared index, and neither does a read of everything in stored order', () => {
    expect(servedBy(shape('projects', { _id: 'equal', status: 'equal' }), [])).toBe('primary key');
    expect(servedBy(shape('projects', {}, ['_id']), [])).toBe('primary key');
    expect(servedBy(shape('projects', {}), [])).toBe('none needed');
  });

  it('the known gaps are declared: complaints by status, projects by homeowner and createdAt, projects by createdAt', () => {
    expect(servedBy(shape('complaints', { status: 'equal' }))).not.toBeNull();
    expect(servedBy(shape('projects', { homeownerId: 'equal' }, ['createdAt']))).not.toBeNull();
    expect(servedBy(shape('projects', {}, ['createdAt']))).not.toBeNull();
  });
});

describe('the queries are recorded', () => {
  it('a function’s query is recorded with its source line; a test’s own read is recorded without one', async () => {
    const w = await world();
    const recording = recordQueries();
    try {
      await w.call(complaint, owner._id, { action: 'mine' });
      await w.db.collection('complaints').where({ category: 'design' }).get();
    } finally {
      recording.stop();
    }
    const mine = recording.shapes.find((s) => s.collection === 'complaints' && 'homeownerId' in s.filters);
    expect(mine).toMatchObject({ filters: { homeownerId: 'equal' }, sort: [{ field: 'receivedAt', direction: 'desc' }] });
    expect(mine?.origin).toMatch(/^cloudfunctions\/complaint\/handler\.ts:\d+$/);
    expect(recording.shapes.find((s) => 'category' in s.filters && !('homeownerId' in s.filters))?.origin).toBeNull();
  });
});

describe('the queue of every department', () => {
  it('customer service and the admin see the open complaints of every department; a department manager only their own', async () => {
    const w = await world();
    const filed = await w.call(complaint, owner._id, {
      action: 'file', projectId: 'p-cuihu', category: 'design', staffRole: 'designer', description: '设计图和现场的柜子尺寸对不上', remedy: '按设计图重做柜子',
    });
    expect(filed.ok).toBe(true);
    const id = filed.data.complaint.id;
    for (const who of [cs, admin, designManager]) {
      const queue = await w.call(complaint, who._id, { action: 'queue' });
      expect(queue.data.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    }
  });
});

describe('the deploy guide', () => {
  it('lists exactly the declared indexes (npx tsx scripts/indexes.ts prints the table)', () => {
    const guide = fs.readFileSync(path.resolve(__dirname, '../../docs/deploy.md'), 'utf8');
    expect(guide).toContain(indexTable());
    expect(INDEXES.length).toBeGreaterThan(15);
  });
});
