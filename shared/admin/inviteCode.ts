/**
 * Invite codes as a person types them, without zod: the home page checks a code with these before
 * sending it, and stays out of the validation library (the main package carries no zod). The server
 * checks the same rule through `inviteCodeSchema` (records.ts).
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_LENGTH = 8;

const INVITE_PATTERN = new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_LENGTH}}$`);

export const INVITE_CODE_MESSAGES = {
  missing: '请输入邀请码',
  malformed: `邀请码是 ${INVITE_LENGTH} 位字母和数字，请核对后重试`,
} as const;

/** The code as stored: upper case, without the spaces and dashes people type to group it. */
export function normalInviteCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** What is wrong with a typed code, in words a homeowner can act on; null when it has the right form. */
export function inviteCodeProblem(typed: string): string | null {
  const code = normalInviteCode(typed);
  if (code === '') return INVITE_CODE_MESSAGES.missing;
  return INVITE_PATTERN.test(code) ? null : INVITE_CODE_MESSAGES.malformed;
}
