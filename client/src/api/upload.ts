import Taro from '@tarojs/taro';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, type PhotoFolder } from '@shared/core/files';
import { unreachable, type Reply } from './reply';
import { httpRequest } from './http';

type PhotoType = (typeof PHOTO_TYPES)[number];

/** Where in CloudBase storage a form's photos go (the only folders the functions accept photos from). */
export type { PhotoFolder };

const EXTENSIONS: Record<string, PhotoType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

const badType = (): Reply<never> => ({
  ok: false,
  code: 'FILE.BAD_TYPE',
  message: '只能上传 JPG、PNG、WebP 或 HEIC 格式的照片',
});
const tooBig = (): Reply<never> => ({ ok: false, code: 'FILE.TOO_LARGE', message: '照片不能超过 10 MB，请换一张或压缩后再传' });

/** Checks a photo the way the server will, before spending the upload. */
export function checkPhoto(type: string | null, size: number): Reply<PhotoType> {
  const known = (PHOTO_TYPES as readonly string[]).includes(type ?? '') ? (type as PhotoType) : null;
  if (!known) return badType();
  if (size > MAX_PHOTO_BYTES) return tooBig();
  return { ok: true, data: known };
}

/** The photo type a file name says; 'unknown' for an extension that is not a photo type we take. */
function typeFromPath(path: string): string | null {
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(path)?.[1]?.toLowerCase();
  if (!ext) return null;
  return EXTENSIONS[ext] ?? 'unknown';
}

/**
 * Uploads one chosen photo and replies with its file id. `size` is what the picker reported.
 * WeChat: CloudBase storage (cloud://…) under `folder`. H5: raw bytes to the local host (local://…).
 */
export async function uploadPhoto(localPath: string, size?: number, folder: PhotoFolder = 'repairs'): Promise<Reply<{ fileId: string }>> {
  if (process.env.TARO_ENV === 'h5') return uploadOverHttp(localPath);
  const checked = checkPhoto(typeFromPath(localPath) ?? 'image/jpeg', size ?? 0);
  if (!checked.ok) return checked;
  const ext = checked.data.split('/')[1] === 'jpeg' ? 'jpg' : checked.data.split('/')[1];
  const rand = Math.random().toString(36).slice(2, 10);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${Date.now()}-${rand}.${ext}`, filePath: localPath });
    return res.fileID ? { ok: true, data: { fileId: res.fileID } } : unreachable();
  } catch {
    return unreachable();
  }
}

async function uploadOverHttp(localPath: string): Promise<Reply<{ fileId: string }>> {
  let blob: Blob;
  try {
    blob = await (await fetch(localPath)).blob();
  } catch {
    return { ok: false, code: 'FILE.UNREADABLE', message: '读取照片失败，请重新选择' };
  }
  const checked = checkPhoto(blob.type || typeFromPath(localPath), blob.size);
  if (!checked.ok) return checked;
  return httpRequest<{ fileId: string }>('POST', '/api/files', blob, checked.data);
}
