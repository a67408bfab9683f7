import { fail, type Failure } from '@shared/core/result';

export const complaintNotFound = (): Failure => fail('COMPLAINT.NOT_FOUND', '没有找到这条投诉，请返回列表刷新');
