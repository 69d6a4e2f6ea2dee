/** The import module's door: its routes. Everything else stays inside. */
export { registerImportRoutes } from './import.routes.js';
export { readColumnFile } from './import-file.js';
