import { useCallback, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { checkPhoto, uploadPhoto, type PhotoFolder } from '@/api';
import { ensurePrivacyAgreed } from '@/features/privacy';

export interface PhotoItem {
  key: string;
  /** where the picker put the photo on this device: shown while it uploads */
  localPath: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  fileId?: string;
  error?: string;
}

/**
 * Photos being chosen and uploaded for one form: each one starts uploading as soon as it is
 * picked, can be removed or retried, and the form submits the file ids of those that are done.
 */
export function usePhotoUploads(max: number, folder: PhotoFolder = 'repairs') {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  const seq = useRef(0);

  const patch = useCallback((key: string, change: Partial<PhotoItem>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)));
  }, []);

  const upload = useCallback(
    async (item: Pick<PhotoItem, 'key' | 'localPath' | 'size'>) => {
      patch(item.key, { status: 'uploading', error: undefined });
      const reply = await uploadPhoto(item.localPath, item.size, folder);
      patch(item.key, reply.ok ? { status: 'done', fileId: reply.data.fileId } : { status: 'failed', error: reply.message });
    },
    [patch, folder],
  );

  const pick = useCallback(async () => {
    setPickError(null);
    const room = max - items.length;
    if (room <= 0) return setPickError(`最多上传 ${max} 张照片`);
    // choosing photos is the first privacy-relevant use: H5 asks here; WeChat asks by itself
    if (!(await ensurePrivacyAgreed())) return;
    let chosen: { tempFilePath: string; size: number; fileType?: string }[];
    try {
      const res = await Taro.chooseMedia({
        count: room,
        mediaType: ['image'],
        sizeType: ['compressed'],
        // the H5 picker asks camera-or-album itself on phones; the file input offers both anyway
        sourceType: process.env.TARO_ENV === 'h5' ? ['album'] : ['album', 'camera'],
      });
      chosen = res.tempFiles;
    } catch {
      return; // the person closed the picker
    }
    const fresh: PhotoItem[] = [];
    for (const f of chosen.slice(0, room)) {
      // weapp reports 'image'; H5 reports the MIME type, which can be checked before uploading
      const mime = f.fileType && f.fileType.includes('/') ? f.fileType : null;
      const checked = mime ? checkPhoto(mime, f.size) : checkPhoto('image/jpeg', f.size);
      if (!checked.ok) {
        setPickError(checked.message);
        continue;
      }
      fresh.push({ key: `p${++seq.current}`, localPath: f.tempFilePath, size: f.size, status: 'uploading' });
    }
    setItems((list) => [...list, ...fresh].slice(0, max));
    await Promise.all(fresh.map((it) => upload(it)));
  }, [items.length, max, upload]);

  const remove = useCallback((key: string) => setItems((list) => list.filter((it) => it.key !== key)), []);
  const retry = useCallback((item: PhotoItem) => void upload(item), [upload]);
  /** after the form was sent: start again with no photos */
  const clear = useCallback(() => setItems([]), []);

  const fileIds = useMemo(() => items.flatMap((it) => (it.status === 'done' && it.fileId ? [it.fileId] : [])), [items]);
  const busy = items.some((it) => it.status === 'uploading');
  const failed = items.some((it) => it.status === 'failed');

  return { items, fileIds, busy, failed, pick, remove, retry, clear, pickError, max };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
