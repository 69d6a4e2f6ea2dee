/** The stream module's door: the only file other modules import. */
export { registerStreamRoutes } from './stream.routes.js';
