/**
 * Where an <Image> finds a stored photo. WeChat renders cloud:// ids itself; the local host serves
 * `local://uploads/x.jpg` at `/api/files/uploads/x.jpg`.
 */
export function photoUrl(fileId: string): string {
  if (fileId.startsWith('local://')) return `/api/files/${fileId.slice('local://'.length)}`;
  return fileId;
}
