import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PHOTO_BYTES } from '@shared/core/files';
import type { FileStorage } from '../cloudfunctions/_platform/ports';

const TYPES: { type: string; ext: string; magic: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', ext: 'webp', magic: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP' },
  { type: 'image/heic', ext: 'heic', magic: (b) => b.subarray(4, 8).toString() === 'ftyp' && /^(heic|heix|mif1|msf1)$/.test(b.subarray(8, 12).toString()) },
];

export type UploadOutcome = { ok: true; fileId: string } | { ok: false; code: string; message: string };

/** Photos kept by the local host under DATA_DIR/files, named `local://uploads/<random>.<ext>`. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {
    fs.mkdirSync(path.join(root, 'uploads'), { recursive: true });
    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  }

  /** Stores an upload after checking, by its bytes, that it is an image we accept. */
  save(bytes: Buffer): UploadOutcome {
    if (bytes.length === 0) return { ok: false, code: 'FILE.EMPTY', message: '图片是空的，请重新选择' };
    if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, code: 'FILE.TOO_LARGE', message: '图片超过 10MB，请压缩后重新上传' };
    const kind = TYPES.find((t) => t.magic(bytes));
    if (!kind) return { ok: false, code: 'FILE.BAD_TYPE', message: '只支持 jpg、png、webp、heic 格式的图片' };
    const name = `uploads/${randomBytes(12).toString('hex')}.${kind.ext}`;
    fs.writeFileSync(path.join(this.root, name), bytes);
    return { ok: true, fileId: `local://${name}` };
  }

  /** The file on disk for a file id, or null when the id does not name one of ours. */
  pathOf(fileId: string): string | null {
    const m = /^local:\/\/(uploads\/[a-f0-9]{24}\.(jpg|png|webp|heic))$/.exec(fileId);
    return m ? path.join(this.root, m[1]) : null;
  }

  /** Exports (report CSVs) under DATA_DIR/files/reports, named `local://reports/<name>.csv`. */
  async saveExport(name: string, bytes: Buffer): Promise<string> {
    const m = /^reports\/([\w-]{1,80}\.csv)$/.exec(name);
    if (!m) throw new Error(`not an export name: ${name}`);
    const file = path.join(this.root, 'reports', m[1]);
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
    return `local://reports/${m[1]}`;
  }

  /** The stored export on disk, or null when the id does not name one. */
  exportPathOf(fileId: string): string | null {
    const m = /^local:\/\/reports\/([\w-]{1,80}\.csv)$/.exec(fileId);
    const file = m ? path.join(this.root, 'reports', m[1]) : null;
    return file && fs.existsSync(file) ? file : null;
  }

  /** The host serves exports at /api/files/reports/<name>.csv. */
  async downloadUrl(fileId: string): Promise<string | null> {
    return this.exportPathOf(fileId) ? `/api/files/${fileId.slice('local://'.length)}` : null;
  }

  /** Deletes stored uploads; ids that name none of ours, or files already gone, are skipped. */
  async remove(fileIds: readonly string[]): Promise<void> {
    for (const id of fileIds) {
      const file = this.pathOf(id);
      if (file) fs.rmSync(file, { force: true });
    }
  }

  async stat(fileId: string): Promise<{ size: number; contentType: string } | null> {
    const file = this.pathOf(fileId);
    if (!file || !fs.existsSync(file)) return null;
    const ext = path.extname(file).slice(1);
    const kind = TYPES.find((t) => t.ext === ext);
    return { size: fs.statSync(file).size, contentType: kind ? kind.type : 'application/octet-stream' };
  }
}
