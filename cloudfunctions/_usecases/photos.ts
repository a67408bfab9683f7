import { isProductFileId, MAX_PHOTO_BYTES, PHOTO_TYPES } from '@shared/core/files';
import { fail, type Failure } from '@shared/core/result';
import type { FileStorage } from '../_platform/ports';

/**
 * Every photo must be one the product stored (in its own folders, shared/core/files.ts), have been
 * uploaded, be an image we accept, and be no larger than the limit.
 */
export async function checkPhotos(files: FileStorage, ids: string[], field = 'photos'): Promise<Failure | null> {
  const foreign = ids.findIndex((id) => !isProductFileId(id));
  if (foreign >= 0) return fail('FILE.NOT_FOUND', `第 ${foreign + 1} 张图片地址无效，请重新上传`, { [`${field}.${foreign}`]: '图片地址无效' });
  const stats = await Promise.all(ids.map((id) => files.stat(id)));
  for (const [i, stat] of stats.entries()) {
    const key = `${field}.${i}`;
    if (!stat) return fail('FILE.NOT_FOUND', `第 ${i + 1} 张图片没有上传成功，请重新上传`, { [key]: '图片不存在' });
    if (!(PHOTO_TYPES as readonly string[]).includes(stat.contentType)) {
      return fail('FILE.BAD_TYPE', `第 ${i + 1} 张不是支持的图片格式（jpg、png、webp、heic）`, { [key]: '格式不支持' });
    }
    if (stat.size > MAX_PHOTO_BYTES) {
      return fail('FILE.TOO_LARGE', `第 ${i + 1} 张图片超过 10MB，请压缩后重新上传`, { [key]: '图片过大' });
    }
  }
  return null;
}

/**
 * The homeowner's signature of an on-site visit: a PNG the product stored, as the signature pad
 * exports it. A missing file or another type is refused under the field `signature`.
 */
export async function checkSignature(files: FileStorage, id: string): Promise<Failure | null> {
  const stat = isProductFileId(id) ? await files.stat(id) : null;
  if (!stat) return fail('FILE.NOT_FOUND', '签名没有上传成功，请让业主重新签名', { signature: '签名不存在' });
  if (stat.contentType !== 'image/png' || stat.size > MAX_PHOTO_BYTES) {
    return fail('FILE.BAD_TYPE', '签名图片无效，请让业主在签名板上重新签名', { signature: '签名应为签名板导出的 PNG 图片' });
  }
  return null;
}
