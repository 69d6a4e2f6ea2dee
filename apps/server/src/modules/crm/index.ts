/** The CRM module's door for other modules: blacklist checks, the right pane's 360 block, routes, demo data. */
export { loadCustomerCrm } from './queries/load-crm.js';
export { registerCrmRoutes } from './crm.routes.js';
export { findOrCreateVouchedBuyer, isVouched, newVisitorCredentials, visitorSecretMatches } from './buyer-identity.js';
export { findBuyer, findBuyerByVisitor, insertBuyerIfAbsent, touchBuyer, type BuyerRow } from './buyer.repository.js';
export { registerCustomerRoutes } from './customer.routes.js';
export { listFootprints } from './footprint.repository.js';
export { listMatchingBuyers } from './customer-list.repository.js';
export { findSegment } from './crm.repository.js';
export { listUnblockedBuyersByVisitorPrefix } from './buyer.repository.js';
