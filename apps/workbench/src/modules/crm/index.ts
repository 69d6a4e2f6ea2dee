// CRM: the buyer's profile, tags, notes and footprints; the workbench's right pane; the 客户 admin page (lazily).
export { CustomerPane } from './CustomerPane';
export { OrderDrawer } from './OrderDrawer';
export { footprintStore } from './crm.store';
export { fetchCustomer } from './customer.api';

/** Loads the 客户 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadCustomersPage = () => import('./CustomersPage');
