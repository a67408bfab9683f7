/**
 * The same contract against a real CloudBase environment, through @cloudbase/node-sdk — only when
 * TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set. It works in collections named
 * `contract_<random>_items` etc., which it creates and empties; the SDK cannot drop collections, so the
 * empty collections stay behind (delete them in the console if they bother you).
 */
import { randomBytes } from 'node:crypto';
import type { Database, Transaction } from '../../cloudfunctions/_platform/database';
import { CONTRACT_COLLECTIONS, describeDatabaseContract } from './contract';
import { describeTypedContract, TYPED_COLLECTIONS } from './typed';

const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;

type SdkDatabase = Database & { createCollection(name: string): Promise<unknown> };

/** The database with every collection name prefixed, in plain calls and in transactions. */
function prefixed(raw: SdkDatabase, prefix: string): Database {
  return {
    command: raw.command,
    collection: (name) => raw.collection(prefix + name),
    runTransaction: (work) =>
      raw.runTransaction((tx: Transaction) =>
        work({ collection: (name) => tx.collection(prefix + name), rollback: (reason) => tx.rollback(reason) }),
      ),
  };
}

if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
  jest.setTimeout(60_000);
  const prefix = `contract_${randomBytes(4).toString('hex')}_`;
  const collections = [...CONTRACT_COLLECTIONS, ...TYPED_COLLECTIONS];
  let raw: SdkDatabase | null = null;

  const connect = async (): Promise<SdkDatabase> => {
    if (raw) return raw;
    const tcb = (await import('@cloudbase/node-sdk')).default;
    const app = tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
    const db = app.database() as unknown as SdkDatabase;
    for (const name of collections) await db.createCollection(prefix + name);
    raw = db;
    return db;
  };

  const empty = async (): Promise<void> => {
    const db = await connect();
    const _ = db.command;
    for (const name of collections) await db.collection(prefix + name).where({ _id: _.exists(true) }).remove();
  };

  const open = async (): Promise<Database> => {
    await empty();
    return prefixed(await connect(), prefix);
  };

  describeDatabaseContract(`CloudBase (${TCB_ENV})`, open, empty);
  describeTypedContract(`CloudBase (${TCB_ENV})`, open, empty);
} else {
  describe('database contract: CloudBase', () => {
    it.skip('skipped: set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run the contract against CloudBase', () => undefined);
  });
  describe('typed accessor contract: CloudBase', () => {
    it.skip('skipped: set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run the contract against CloudBase', () => undefined);
  });
}
