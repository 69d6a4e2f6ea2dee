import { lazy } from 'react';

// The order dialogs open on a click, so they load then (or when the browser is idle), not with the chat page:
// they carry antd's InputNumber, Radio, Result and Timeline, which nothing above the fold uses.
const load = {
  price: () => import('./PriceModal').then((module) => ({ default: module.PriceModal })),
  address: () => import('./AddressModal').then((module) => ({ default: module.AddressModal })),
  sku: () => import('./SkuModal').then((module) => ({ default: module.SkuModal })),
  memo: () => import('./MemoModal').then((module) => ({ default: module.MemoModal })),
  close: () => import('./CloseOrderModal').then((module) => ({ default: module.CloseOrderModal })),
  history: () => import('./OrderHistoryDrawer').then((module) => ({ default: module.OrderHistoryDrawer })),
};

export const PriceModal = lazy(load.price);
export const AddressModal = lazy(load.address);
export const SkuModal = lazy(load.sku);
export const MemoModal = lazy(load.memo);
export const CloseOrderModal = lazy(load.close);
export const OrderHistoryDrawer = lazy(load.history);

let preloaded = false;
/** Fetches the dialogs once the browser has nothing else to do, so the first click opens one at once. */
export function preloadOrderDialogs(): void {
  if (preloaded) return;
  preloaded = true;
  const fetchAll = () => Object.values(load).forEach((loader) => void loader().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 5000 });
  else setTimeout(fetchAll, 1000);
}
