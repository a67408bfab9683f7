/**
 * FileStorage over CloudBase storage. Exports (report CSVs) are uploaded with `app.uploadFile` and
 * downloaded through a temporary URL (`getTempFileURL`, an hour).
 *
 * `stat` asks the SDK for a temporary download URL of the `cloud://` file (`app.getTempFileURL`), then
 * reads the first bytes of it with a ranged GET: the size comes from `Content-Range`, the type from the
 * bytes themselves (what the client called the file or what storage says proves nothing). node-sdk's
 * own `getFileInfo` is not used: it calls the global `fetch`, which the Node 16 runtime lacks.
 * `local://` ids belong to the local host and are refused here.
 */
import http from 'node:http';
import https from 'node:https';
import type { Logger, FileStorage } from './ports';

/** The part of the CloudBase app this adapter uses. */
export interface TempUrlSource {
  deleteFile(options: { fileList: string[] }): Promise<{ fileList?: { code: string; fileID: string }[]; code?: string; message?: string }>;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string; code?: string; message?: string }>;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList?: { code: string; fileID: string; tempFileURL: string }[];
    code?: string;
    message?: string;
  }>;
}

const SNIFF_BYTES = 16;
const TIMEOUT_MS = 2500;

/** The image type of a file, from its first bytes (the same signatures the local host checks). */
export function sniffImageType(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1|msf1)$/.test(b.subarray(8, 12).toString('latin1'))) {
    return 'image/heic';
  }
  return null;
}

export function cloudFileStorage(app: TempUrlSource, log: Logger): FileStorage {
  return {
    async stat(fileId) {
      if (!fileId.startsWith('cloud://')) {
        log.error('file id refused in production', { fileId });
        return null;
      }
      const res = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] });
      if (res.code) throw new Error(`getTempFileURL failed: ${res.code} ${res.message ?? ''}`);
      const item = res.fileList?.[0];
      if (!item || item.code !== 'SUCCESS' || !item.tempFileURL) return null;
      const head = await firstBytes(item.tempFileURL);
      if (!head) return null;
      // a file that is none of the image types we know is reported as such, whatever it claims to be
      return { size: head.size, contentType: sniffImageType(head.bytes) ?? 'application/octet-stream' };
    },
    async saveExport(path, bytes) {
      const res = await app.uploadFile({ cloudPath: path, fileContent: bytes });
      if (res.code || !res.fileID) throw new Error(`uploadFile failed: ${res.code ?? 'no fileID'} ${res.message ?? ''}`);
      return res.fileID;
    },
    async remove(fileIds) {
      const ours = fileIds.filter((id) => id.startsWith('cloud://'));
      if (ours.length === 0) return;
      const res = await app.deleteFile({ fileList: ours });
      if (res.code) throw new Error(`deleteFile failed: ${res.code} ${res.message ?? ''}`);
      // a file already deleted is what we wanted; anything else must be retried by the caller
      const failed = (res.fileList ?? []).filter((f) => f.code !== 'SUCCESS' && !/NONEXIST|NOT_?EXIST|NOT_?FOUND/i.test(f.code));
      if (failed.length) throw new Error(`deleteFile failed for ${failed.map((f) => `${f.fileID}: ${f.code}`).join(', ')}`);
    },
    async downloadUrl(fileId) {
      const res = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: EXPORT_LINK_SECONDS }] });
      if (res.code) throw new Error(`getTempFileURL failed: ${res.code} ${res.message ?? ''}`);
      const item = res.fileList?.[0];
      return item && item.code === 'SUCCESS' && item.tempFileURL ? item.tempFileURL : null;
    },
  };
}

/** How long a download link of an export lasts. */
const EXPORT_LINK_SECONDS = 3600;

/** The first bytes and the total size of a URL's body, or null when there is no such file. */
function firstBytes(url: string): Promise<{ bytes: Buffer; size: number } | null> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('http:') ? http.get : https.get;
    const req = get(url, { headers: { Range: `bytes=0-${SNIFF_BYTES - 1}` }, timeout: TIMEOUT_MS }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 404) {
        res.resume();
        resolve(null);
        return;
      }
      if (status !== 200 && status !== 206) {
        res.resume();
        reject(new Error(`storage answered HTTP ${status}`));
        return;
      }
      const total = /\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''));
      const size = total ? Number(total[1]) : Number(res.headers['content-length'] ?? NaN);
      if (!Number.isFinite(size)) {
        res.resume();
        reject(new Error('storage did not say how large the file is'));
        return;
      }
      const chunks: Buffer[] = [];
      let got = 0;
      const done = () => resolve({ bytes: Buffer.concat(chunks).subarray(0, SNIFF_BYTES), size });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        got += chunk.length;
        // a server that ignores Range sends the whole file: stop once we have what we need
        if (got >= SNIFF_BYTES) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('storage did not answer in time')));
    req.on('error', reject);
  });
}
