import type { CustomerCrmView, Footprint } from '@golddesk/contracts';
import { onStreamFrame } from '../../platform/realtime';
import { createStore, useStore } from '../../platform/store';

const FOOTPRINTS_KEPT = 30;

/** The CRM block of each buyer seen in this session (right pane and the 客户 drawer share it). */
export const crmStore = createStore<Record<string, CustomerCrmView>>({});
/** Each buyer's footprints, newest first: loaded with the profile, then kept live from `customer.footprint_recorded`. */
export const footprintStore = createStore<Record<string, Footprint[]>>({});

export function putCrm(buyerId: string, crm: CustomerCrmView): void {
  crmStore.set((s) => ({ ...s, [buyerId]: crm }));
}

export function useCrm(buyerId: string, fallback: CustomerCrmView | undefined): CustomerCrmView | undefined {
  return useStore(crmStore, (s) => s[buyerId]) ?? fallback;
}

export function putFootprints(buyerId: string, footprints: Footprint[]): void {
  footprintStore.set((s) => ({ ...s, [buyerId]: footprints }));
}

/** A new view: the product moves to the top with one more view (the server folds reloads within 30 s). */
export function addFootprint(buyerId: string, footprint: Footprint): void {
  footprintStore.set((s) => {
    const list = s[buyerId] ?? [];
    const known = list.find((f) => f.productId === footprint.productId);
    const merged = known ? { ...footprint, views: known.views + footprint.views } : footprint;
    return { ...s, [buyerId]: [merged, ...list.filter((f) => f.productId !== footprint.productId)].slice(0, FOOTPRINTS_KEPT) };
  });
}

export function useFootprints(buyerId: string): Footprint[] | undefined {
  return useStore(footprintStore, (s) => s[buyerId]);
}

onStreamFrame((frame) => {
  if (frame.type === 'customer.footprint_recorded') addFootprint(frame.buyerId, frame.footprint);
});
