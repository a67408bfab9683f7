import { fail, type Failure } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { Enquiry } from '@shared/enquiry/enquiry';

export const enquiryNotFound = (): Failure => fail('ENQUIRY.NOT_FOUND', '没有找到这条咨询或建议，请返回列表刷新');

/** Who works the desk: customer service, the customer-service department's managers, and admins. */
export function servesDesk(user: User): boolean {
  return hasRole(user, 'customerService', 'admin') || (hasRole(user, 'deptManager') && user.department === 'customerService');
}

/** The homeowner reads their own; the desk reads every one. */
export function mayRead(user: User, e: Enquiry): boolean {
  return e.homeownerId === user._id || servesDesk(user);
}
