/** The team module's door: the only file other modules import. */
export { registerTeamRoutes } from './team.routes.js';
