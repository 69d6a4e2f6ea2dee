// Logistics: shipping and tracking on an order, exception counts, and the 物流 admin page (loaded lazily).
export { LogisticsNavLabel } from './LogisticsNavLabel';
export { OrderExceptionTags, OrderLogistics } from './OrderLogistics';

/** Loads the 物流 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadLogisticsPage = () => import('./LogisticsPage');
