import { fail } from '@shared/core/result';

/** The same reply for a project that does not exist and one the caller may not see: existence does not leak. */
export const notFound = () => fail('PROJECT.NOT_FOUND', '没有找到这个项目，请返回列表刷新', { projectId: '项目不存在' });
