export type { Reply } from './reply';
export { callFunction } from './callFunction';
export { uploadPhoto, checkPhoto, type PhotoFolder } from './upload';
export { photoUrl } from './photoUrl';
export { initCloud } from './cloud';
export { currentOpenid, choosePersona } from './persona';
export { serverNow, syncClock } from './clock';
