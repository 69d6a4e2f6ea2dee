/** The integration module's door: the only file other modules import. */
export { ensureIntegrationSecrets } from './integration.repository.js';
export { registerIntegrationRoutes } from './integration.routes.js';
