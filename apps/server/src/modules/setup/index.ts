/** The setup module's door: the only file other modules import. */
export { registerSetupRoutes } from './setup.routes.js';
