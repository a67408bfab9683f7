import * as z from 'zod';

/** Photo types the product accepts, and the largest photo it stores. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** A stored file: `cloud://…` in CloudBase storage, `local://…` on the local host. */
export const fileIdSchema = z
  .string()
  .max(300, { error: '图片地址过长' })
  .regex(/^(cloud|local):\/\/[\w.\-/]+$/, { error: '图片地址无效，请重新上传' });

export function photosSchema(max: number) {
  return z.array(fileIdSchema).max(max, { error: `最多上传 ${max} 张图片` });
}
