import type { Millis } from '@shared/core/time';
import type { Database } from './database';

/** The time, passed in so that tests and the local host can move it. */
export interface Clock {
  now(): Millis;
}

/**
 * Files: photos uploaded by the client, and exports the functions write (report CSVs). Cloud storage
 * in CloudBase, the local host's folder locally.
 */
export interface FileStorage {
  /** size and type of a stored file, or null when there is no such file */
  stat(fileId: string): Promise<{ size: number; contentType: string } | null>;
  /** stores an export under `path` (`reports/weekly-2026-11-23.csv`), replacing one of that name; answers its file id */
  saveExport(path: string, bytes: Buffer): Promise<string>;
  /** a link that downloads a stored export (temporary in CloudBase), or null when there is no such file */
  downloadUrl(fileId: string): Promise<string | null>;
  /** deletes stored photos for good (a homeowner's signature, when their data is erased); one already gone is no error */
  remove(fileIds: readonly string[]): Promise<void>;
}

/** One WeChat subscription message (订阅消息). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export type SendOutcome =
  | { sent: true }
  | { sent: false; errcode: number; errmsg: string };

/** Sends subscription messages: WeChat's subscribeMessage.send in CloudBase, the outbox locally. */
export interface Messenger {
  send(message: SubscribeMessage, idempotencyKey: string): Promise<SendOutcome>;
}

/**
 * One marketing text message. `params` fill the SMS template approved in the provider's console
 * (title, body); `text` is the whole message as the homeowner reads it, refusal way included.
 */
export interface SmsMessage {
  phone: string;
  params: string[];
  text: string;
}

/** Sends text messages: Tencent Cloud SMS in CloudBase (cloud-sms.ts), the `smsOutbox` collection locally. */
export interface SmsSender {
  send(message: SmsMessage, idempotencyKey: string): Promise<SendOutcome>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything a function needs from the outside world, passed in (no module mocking in tests). */
export interface Deps {
  db: Database;
  clock: Clock;
  files: FileStorage;
  messenger: Messenger;
  sms: SmsSender;
  log: Logger;
}

/** Who is calling, as the trusted WeChat context says; never read from the event. */
export interface Caller {
  openid: string | null;
  /**
   * The name of the admin whose console key signed the event (a test event sent from the CloudBase
   * console, which carries no WeChat identity); absent for every other call.
   */
  console?: string;
}
