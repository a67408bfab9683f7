import * as z from 'zod/mini';

/** Photo types the product accepts, and the largest photo it stores. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * The storage folders the mini program uploads photos into (client/src/api/upload.ts): repair and
 * complaint photos, site photos (`visits`) and the homeowner's signatures of on-site visits.
 */
export const PHOTO_FOLDERS = ['repairs', 'complaints', 'visits', 'signatures'] as const;
export type PhotoFolder = (typeof PHOTO_FOLDERS)[number];

/**
 * A photo the product stored, and nothing else: `cloud://<env>.<bucket>/<folder>/<name>` in CloudBase
 * storage, under one of PHOTO_FOLDERS, or `local://uploads/<name>` on the local host. A file id from
 * anywhere else in the environment's storage (another app's files, a path with `..`) is refused.
 */
const PRODUCT_FILE_ID = new RegExp(`^(cloud://[\\w-]+\\.[\\w-]+/(${PHOTO_FOLDERS.join('|')})|local://uploads)/\\w[\\w.-]*$`);

export function isProductFileId(id: string): boolean {
  return id.length <= 300 && PRODUCT_FILE_ID.test(id) && !id.includes('..');
}

export const fileIdSchema = z.string().check(
  z.maxLength(300, { error: '图片地址过长' }),
  z.refine(isProductFileId, { error: '图片地址无效，请重新上传' }),
);

export function photosSchema(max: number) {
  return z.array(fileIdSchema).check(z.maxLength(max, { error: `最多上传 ${max} 张图片` }));
}
