// Imports: bulk imports from spreadsheets, their progress, and the 导入 admin page (loaded lazily).
export { fileType } from './import.api';
export { putImport } from './import.store';

/** Loads the 导入 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadImportPage = () => import('./ImportPage');
