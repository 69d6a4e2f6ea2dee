/** The CRM module's door for other modules: blacklist checks, the right pane's 360 block, routes, demo data. */
export { isBuyerBlocked } from './crm.repository.js';
export { loadCustomerCrm } from './queries/load-crm.js';
export { registerCrmRoutes } from './crm.routes.js';
export { seedDemoCrm } from './demo-crm.js';
