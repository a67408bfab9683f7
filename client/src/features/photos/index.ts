/** Photos as the forms of other features see them: pick, upload, show. */
export { PhotoField } from './components/PhotoField';
export { PhotoGrid } from './components/PhotoGrid';
export { PhotoPicker } from './components/PhotoPicker';
export { usePhotoUploads, type PhotoUploads } from './hooks/usePhotoUploads';
