/**
 * SmsSender over Tencent Cloud SMS (短信) `SendSms`, API version 2021-01-11, called over HTTPS with
 * the TC3-HMAC-SHA256 signature (the documented way without an SDK; neither @cloudbase/node-sdk nor
 * wx-server-sdk sends SMS). UNVERIFIED: written from Tencent Cloud's API reference and not yet tried
 * against a real account; docs/deploy.md says how to set it up and what to check on the first send.
 *
 * Configuration (function environment variables):
 * - SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_TEMPLATE_ID: the SMS application, the approved signature and
 *   the approved marketing template, whose two parameters are the campaign's title and body.
 * - TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN): the credentials
 *   the function's role provides in the runtime, or a sub-account key allowed only sms:SendSms.
 * - SMS_REGION (default ap-guangzhou).
 */
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:https';
import type { Logger, SendOutcome, SmsMessage, SmsSender } from './ports';

const HOST = 'sms.tencentcloudapi.com';
const SERVICE = 'sms';
const VERSION = '2021-01-11';

export interface SmsConfig {
  appId: string;
  signName: string;
  templateId: string;
  region: string;
  secretId: string;
  secretKey: string;
  token: string | null;
}

/** The configuration from the environment, or the names of what is missing. */
export function smsConfig(env: Record<string, string | undefined> = process.env): SmsConfig | { missing: string[] } {
  const need = ['SMS_SDK_APP_ID', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];
  const missing = need.filter((k) => !env[k]);
  if (missing.length) return { missing };
  return {
    appId: env.SMS_SDK_APP_ID as string,
    signName: env.SMS_SIGN_NAME as string,
    templateId: env.SMS_TEMPLATE_ID as string,
    region: env.SMS_REGION || 'ap-guangzhou',
    secretId: env.TENCENTCLOUD_SECRETID as string,
    secretKey: env.TENCENTCLOUD_SECRETKEY as string,
    token: env.TENCENTCLOUD_SESSIONTOKEN || null,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();

/** The request headers of one TC3-HMAC-SHA256 signed call (Tencent Cloud API 3.0 "签名方法 v3"). */
export function signedHeaders(config: SmsConfig, payload: string, timestamp: number): Record<string, string> {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:application/json; charset=utf-8\nhost:${HOST}\n`, 'content-type;host', sha256(payload)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${config.secretKey}`, date), SERVICE), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    Authorization: `TC3-HMAC-SHA256 Credential=${config.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
    'Content-Type': 'application/json; charset=utf-8',
    Host: HOST,
    'X-TC-Action': 'SendSms',
    'X-TC-Version': VERSION,
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Region': config.region,
    ...(config.token ? { 'X-TC-Token': config.token } : {}),
  };
}

/** Mainland numbers go in E.164 form. */
export function e164(phone: string): string {
  return phone.startsWith('+') ? phone : `+86${phone}`;
}

function post(headers: Record<string, string>, payload: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: HOST, method: 'POST', path: '/', headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('SendSms: no answer within 5 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

interface SendSmsAnswer {
  Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string; SerialNo?: string }[] };
}

/**
 * A send the provider refused for this message (its status code other than "Ok") comes back as
 * `{ sent: false }`; an API error, missing configuration or no answer is thrown, so the caller records
 * no verdict (the campaign timer then never sends it again: a text that may have gone is not repeated).
 */
export function tencentSms(log: Logger, config: () => SmsConfig | { missing: string[] } = smsConfig, post_: typeof post = post): SmsSender {
  return {
    async send(message: SmsMessage, idempotencyKey: string): Promise<SendOutcome> {
      const c = config();
      if ('missing' in c) throw new Error(`SMS is not configured: set ${c.missing.join(', ')} on the function (docs/deploy.md)`);
      const payload = JSON.stringify({
        PhoneNumberSet: [e164(message.phone)],
        SmsSdkAppId: c.appId,
        SignName: c.signName,
        TemplateId: c.templateId,
        TemplateParamSet: message.params,
        SessionContext: idempotencyKey,
      });
      const answer = (await post_(signedHeaders(c, payload, Math.floor(Date.now() / 1000)), payload)) as SendSmsAnswer;
      const error = answer.Response?.Error;
      if (error) {
        log.error('SMS not sent: the API refused the call', { idempotencyKey, code: error.Code, message: error.Message });
        throw new Error(`SendSms ${error.Code}: ${error.Message}`);
      }
      const status = answer.Response?.SendStatusSet?.[0];
      if (status?.Code === 'Ok') {
        log.info('SMS sent', { idempotencyKey, serialNo: status.SerialNo });
        return { sent: true };
      }
      log.info('SMS refused', { idempotencyKey, code: status?.Code, message: status?.Message });
      return { sent: false, errcode: -1, errmsg: `${status?.Code ?? 'NoStatus'}: ${status?.Message ?? ''}` };
    },
  };
}
