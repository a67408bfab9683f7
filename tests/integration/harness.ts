import type { User } from '@shared/core/roles';
import type { Project } from '@shared/project/project';
import type { Database } from '../../cloudfunctions/_platform/database';
import type { FunctionHandler } from '../../cloudfunctions/_platform/define';
import type { Deps, FileStorage } from '../../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../../host/db';
import { outboxMessenger, smsOutbox } from '../../host/outbox';

/** A clock that stands still until a test moves it. */
export class TestClock {
  constructor(private at: number) {}
  now = () => this.at;
  set(iso: string) {
    this.at = new Date(iso).getTime();
  }
  advanceHours(h: number) {
    this.at += h * 3_600_000;
  }
}

/** Photos "uploaded" by a test: file id → size and type. */
export class TestFiles implements FileStorage {
  readonly stored = new Map<string, { size: number; contentType: string }>();
  add(id: string, contentType = 'image/jpeg', size = 200_000): string {
    this.stored.set(id, { size, contentType });
    return id;
  }
  async stat(id: string) {
    return this.stored.get(id) ?? null;
  }
  /** exports the functions wrote: file id → content */
  readonly exports = new Map<string, Buffer>();
  async saveExport(path: string, bytes: Buffer) {
    this.exports.set(`test://${path}`, bytes);
    return `test://${path}`;
  }
  async downloadUrl(id: string) {
    return this.exports.has(id) ? `https://files.test/${id.slice('test://'.length)}` : null;
  }
  /** photos deleted for good, in order */
  readonly removed: string[] = [];
  async remove(ids: readonly string[]) {
    for (const id of ids) {
      this.stored.delete(id);
      this.removed.push(id);
    }
  }
}

export const PEOPLE: Record<string, User> = {
  owner: { _id: 'owner-li', name: '李女士', phone: '13800138001', roles: ['homeowner'] },
  otherOwner: { _id: 'owner-wang', name: '王先生', phone: '13800138002', roles: ['homeowner'] },
  sm: { _id: 'sm-zhang', name: '张建国', phone: '13900139001', roles: ['siteManager'], department: 'engineering' },
  otherSm: { _id: 'sm-chen', name: '陈立新', phone: '13900139002', roles: ['siteManager'], department: 'engineering' },
  engManager: { _id: 'dm-eng', name: '刘经理', phone: '13700137001', roles: ['deptManager'], department: 'engineering' },
  designManager: { _id: 'dm-design', name: '何经理', phone: '13700137009', roles: ['deptManager'], department: 'design' },
  cs: { _id: 'cs-xu', name: '徐客服', phone: '13700137002', roles: ['customerService'], department: 'customerService' },
  csManager: { _id: 'dm-cs', name: '钱经理', phone: '13700137005', roles: ['deptManager'], department: 'customerService' },
  gm: { _id: 'gm-sun', name: '孙总', phone: '13700137006', roles: ['deptManager'], department: 'management' },
  admin: { _id: 'admin-zhou', name: '周行政', phone: '13700137003', roles: ['admin'] },
};

export const PROJECTS: Project[] = [
  {
    _id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室', homeownerId: 'owner-li',
    siteManagerId: 'sm-zhang', department: 'engineering',
    staff: { designer: { id: 'staff-designer-sun', name: '孙设计师' }, projectManager: { id: 'sm-zhang', name: '张建国' } },
    milestones: { started: '2026-02-20' }, createdAt: 0,
  },
  {
    _id: 'p-binjiang', name: '滨江壹号 8-601', address: '杭州市滨江区滨江壹号 8 幢 601 室', homeownerId: 'owner-wang',
    siteManagerId: 'sm-chen', department: 'engineering', staff: {}, milestones: {}, createdAt: 0,
  },
];

export interface World {
  db: Database & { close(): void };
  clock: TestClock;
  files: TestFiles;
  deps: Deps;
  /** calls a function as the person whose openid is given (null: no WeChat identity) */
  call(fn: (deps: Deps) => FunctionHandler, openid: string | null, event: unknown): Promise<any>;
}

/** A fresh in-memory database with the people and projects above, at a fixed time. */
export async function world(startIso = '2026-03-01T10:00:00+08:00'): Promise<World> {
  const db = openEmbeddedDatabase(':memory:');
  const clock = new TestClock(new Date(startIso).getTime());
  const files = new TestFiles();
  const deps: Deps = {
    db,
    clock,
    files,
    messenger: outboxMessenger(db, clock),
    sms: smsOutbox(db, clock),
    log: { info: () => undefined, error: () => undefined },
  };
  for (const { _id, ...u } of Object.values(PEOPLE)) await db.collection('users').doc(_id).set(u);
  for (const { _id, ...p } of PROJECTS) await db.collection('projects').doc(_id).set(p);
  const handlers = new Map<unknown, FunctionHandler>();
  return {
    db, clock, files, deps,
    call(fn, openid, event) {
      if (!handlers.has(fn)) handlers.set(fn, fn(deps));
      const h = handlers.get(fn) as FunctionHandler;
      return h(event, { openid });
    },
  };
}

/** Everything in a collection, for asserting that a refused call wrote nothing. */
export async function snapshot(db: Database, collection: string): Promise<unknown[]> {
  return (await db.collection(collection).orderBy('_id', 'asc').limit(1000).get()).data;
}

/** A second admin (钱主任), stored on first use: what one admin proposes another approves (004 4.5). */
export async function secondAdmin(w: World): Promise<string> {
  const id = 'admin-qian';
  if ((await w.db.collection('users').doc(id).get()).data.length === 0) {
    await w.db.collection('users').doc(id).set({ name: '钱主任', phone: '13700137010', roles: ['admin'] });
  }
  return id;
}
