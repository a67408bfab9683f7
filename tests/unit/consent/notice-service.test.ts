import { PRIVACY_NOTICE, withService } from '@shared/consent/notice';

describe('the privacy notice names the one hotline', () => {
  const contact = PRIVACY_NOTICE.sections.find((s) => s.id === 'contact')?.paragraphs[0] ?? '';

  it('shows the hotline and desk hours from settings to a reader the product knows', () => {
    expect(withService(contact, { hotline: '400-820-1234', deskHours: '24 小时服务' })).toMatch(/^服务热线 400-820-1234（24 小时服务）。/);
  });

  it('points anyone else to the home page instead of a number of its own', () => {
    const shown = withService(contact, null);
    expect(shown).toMatch(/^服务热线（号码和值班时间见首页底部）。/);
    expect(shown).not.toMatch(/\d{3}-\d{3}-\d{4}|\{/);
  });
});
