/** Photos as the forms of other features see them: pick, upload, show. */
export { AddInfoCard } from './components/AddInfoCard';
export { PhotoField } from './components/PhotoField';
export { PhotoGrid } from './components/PhotoGrid';
export { PhotoPicker } from './components/PhotoPicker';
export { usePhotoUploads, type PhotoUploads } from './hooks/usePhotoUploads';
