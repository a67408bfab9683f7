import { e164, signedHeaders, smsConfig, tencentSms, type SmsConfig } from '../../../cloudfunctions/_platform/cloud-sms';

const CONFIG: SmsConfig = { appId: '1400000000', signName: '某装饰', templateId: '100001', region: 'ap-guangzhou', secretId: 'AKIDtest', secretKey: 'secret', token: null };
const quiet = { info: () => undefined, error: () => undefined };
const MESSAGE = { phone: '13800138001', params: ['春季优惠', '老客户九折'], text: '春季优惠：老客户九折 拒收请回复R' };

describe('the Tencent Cloud SMS adapter', () => {
  it('names what is missing from the configuration instead of sending', async () => {
    expect(smsConfig({})).toEqual({ missing: ['SMS_SDK_APP_ID', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] });
    const sms = tencentSms(quiet, () => ({ missing: ['SMS_SIGN_NAME'] }));
    await expect(sms.send(MESSAGE, 'k')).rejects.toThrow('SMS_SIGN_NAME');
  });

  it('signs the call with TC3-HMAC-SHA256 over the SendSms action, and sends the number in E.164 with the template parameters', async () => {
    const calls: { headers: Record<string, string>; payload: string }[] = [];
    const sms = tencentSms(quiet, () => CONFIG, async (headers, payload) => {
      calls.push({ headers, payload });
      return { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', SerialNo: '2019:1' }] } };
    });
    expect(await sms.send(MESSAGE, 'campaign-1:owner-li')).toEqual({ sent: true });
    expect(calls[0].headers).toMatchObject({ 'X-TC-Action': 'SendSms', 'X-TC-Version': '2021-01-11', 'X-TC-Region': 'ap-guangzhou' });
    expect(calls[0].headers.Authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/\d{4}-\d{2}-\d{2}\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(calls[0].payload)).toMatchObject({ PhoneNumberSet: ['+8613800138001'], SmsSdkAppId: '1400000000', SignName: '某装饰', TemplateId: '100001', TemplateParamSet: ['春季优惠', '老客户九折'] });
    expect(e164('+8613800138001')).toBe('+8613800138001');
  });

  it('the same request signed at the same second gives the same signature, and another key another one', () => {
    const a = signedHeaders(CONFIG, '{}', 1772416800).Authorization;
    expect(signedHeaders(CONFIG, '{}', 1772416800).Authorization).toBe(a);
    expect(signedHeaders({ ...CONFIG, secretKey: 'other' }, '{}', 1772416800).Authorization).not.toBe(a);
    expect(a).toContain('Credential=AKIDtest/2026-03-02/sms/tc3_request');
  });

  it('a number the provider refuses is not sent; an API error is thrown (no verdict recorded)', async () => {
    const refused = tencentSms(quiet, () => CONFIG, async () => ({ Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'limit' }] } }));
    expect(await refused.send(MESSAGE, 'k')).toMatchObject({ sent: false, errmsg: expect.stringContaining('LimitExceeded') });
    const failing = tencentSms(quiet, () => CONFIG, async () => ({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad' } } }));
    await expect(failing.send(MESSAGE, 'k')).rejects.toThrow('AuthFailure.SignatureFailure');
  });
});
