/** Photos are accepted only from the product's own storage folders (shared/core/files.ts). */
import { isProductFileId } from '@shared/core/files';
import { cloudFileStorage } from '../../cloudfunctions/_platform/cloud-files';
import { checkPhotos } from '../../cloudfunctions/_usecases/photos';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, snapshot, world } from './harness';

const OURS = [
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/repairs/1772330400000-k2j4.jpg',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/complaints/1772330400000-k2j4.png',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/visits/1772330400000-k2j4.jpg',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/signatures/1772330400000-k2j4.png',
  'local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg',
];
const FOREIGN = [
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/exports/all-homeowners.jpg',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/repairs/../exports/x.jpg',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/repairs/a/b.jpg',
  'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/signatures/../reports/weekly.png',
  'cloud://other-env.bucket/avatar.jpg',
  'local://uploads/../huifang.sqlite',
  'local://elsewhere/x.jpg',
  'https://example.com/x.jpg',
];

describe('file ids', () => {
  it('a photo id is accepted only from the repairs, complaints, visits or signatures folder (or the local host\'s uploads)', () => {
    expect(OURS.filter((id) => !isProductFileId(id))).toEqual([]);
    expect(FOREIGN.filter((id) => isProductFileId(id))).toEqual([]);
  });

  it('the photo check refuses a file from another folder even when it exists in storage', async () => {
    const w = await world();
    const foreign = w.files.add(FOREIGN[0] ?? '');
    expect(await checkPhotos(w.files, [foreign])).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND', fields: { 'photos.0': '图片地址无效' } });
  });

  it('a repair naming a photo outside the product\'s folders is refused with a field message and writes nothing', async () => {
    const w = await world();
    const before = await snapshot(w.db, 'repairs');
    const r = await w.call(repair, PEOPLE.owner._id, {
      action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水',
      photos: [w.files.add(FOREIGN[0] ?? '')], preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
    });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(JSON.stringify(r.fields)).toContain('图片地址无效');
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
  });
});

describe('deleting stored photos in CloudBase (a homeowner\'s signatures, when their data is erased)', () => {
  const ID = 'cloud://huifang-prod-1a2b3c.6875-huifang-prod-1a2b3c-1300000000/signatures/1772330400000-k2j4.png';
  const app = (answer: { fileList?: { code: string; fileID: string }[]; code?: string; message?: string }) => {
    const asked: string[][] = [];
    const source = {
      uploadFile: async () => ({}),
      getTempFileURL: async () => ({}),
      deleteFile: async ({ fileList }: { fileList: string[] }) => {
        asked.push(fileList);
        return answer;
      },
    };
    return { asked, files: cloudFileStorage(source, { info: () => undefined, error: () => undefined }) };
  };

  it('asks storage to delete only cloud file ids, and a file already gone counts as deleted', async () => {
    const { asked, files } = app({ fileList: [{ code: 'STORAGE_FILE_NONEXIST', fileID: ID }] });
    await files.remove([ID, 'local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.png']);
    expect(asked).toEqual([[ID]]);
    await files.remove(['local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.png']);
    expect(asked).toHaveLength(1);
  });

  it('fails when storage could not delete a file, so the record keeps pointing at it and the next run tries again', async () => {
    await expect(app({ fileList: [{ code: 'STORAGE_REQUEST_FAIL', fileID: ID }] }).files.remove([ID])).rejects.toThrow(/STORAGE_REQUEST_FAIL/);
    await expect(app({ code: 'SIGN_PARAM_INVALID', message: 'bad' }).files.remove([ID])).rejects.toThrow(/SIGN_PARAM_INVALID/);
  });
});
