import { inviteCodeProblem, normalInviteCode } from '@shared/admin/inviteCode';
import { inviteCodeSchema } from '@shared/admin/records';

describe('an invite code as a homeowner types it', () => {
  it('is read without case, spaces or dashes', () => {
    expect(normalInviteCode(' ab3d-ef7h ')).toBe('AB3DEF7H');
    expect(inviteCodeProblem('ab3d ef7h')).toBeNull();
  });

  it('is refused with words she can act on when empty or of the wrong form', () => {
    expect(inviteCodeProblem('  ')).toBe('请输入邀请码');
    expect(inviteCodeProblem('AB3DEF7')).toBe('邀请码是 8 位字母和数字，请核对后重试');
    // 0, 1, I and O are left out of codes, since they are read wrongly
    expect(inviteCodeProblem('AB3DEF70')).not.toBeNull();
  });

  it('is judged the same by the home page and by the server', () => {
    for (const typed of ['ab3d-ef7h', 'AB3DEF7', '', 'AB3DEF70', 'zzzz zzzz']) {
      const server = inviteCodeSchema.safeParse(typed);
      expect([typed, server.success]).toEqual([typed, inviteCodeProblem(typed) === null]);
      if (server.success) expect(server.data).toBe(normalInviteCode(typed));
    }
  });
});
