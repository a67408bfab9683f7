import { fail, type Failure } from '@shared/core/result';

/** The same reply for a ticket that does not exist and one the caller may not read: existence does not leak. */
export const notFound = (): Failure => fail('REPAIR.NOT_FOUND', '没有找到这张报修单，请返回列表刷新');
