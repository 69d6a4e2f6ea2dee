import type { LogisticsExceptionView, LogisticsSettings } from '@golddesk/contracts';
import { createStore, useStore } from '../../platform/store';
import { fetchExceptions, fetchRules, fetchSettings, type StoredRule } from './logistics.api';

/** Open logistics exceptions of the shop by id (the nav badge, order-card tags and the 异常件 list read them). */
export const exceptionStore = createStore<{ loaded: boolean; open: Record<string, LogisticsExceptionView> }>({
  loaded: false,
  open: {},
});

/** A raised or resolved exception (from the list, the stream, or a resolve answer). */
export function putException(exception: LogisticsExceptionView): void {
  exceptionStore.set((state) => {
    const open = { ...state.open };
    if (exception.resolvedAt) delete open[exception.id];
    else open[exception.id] = exception;
    return { ...state, open };
  });
}

let loading: Promise<void> | null = null;

/** Loads the open exceptions once (again after `force`, e.g. on reconnect). */
export function loadOpenExceptions(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = fetchExceptions('open')
    .then(({ exceptions }) => exceptionStore.set({ loaded: true, open: Object.fromEntries(exceptions.map((e) => [e.id, e])) }))
    .catch(() => {
      loading = null;
    });
  return loading;
}

export function useOpenExceptionCount(): number {
  return useStore(exceptionStore, (s) => Object.keys(s.open).length);
}

const NONE: LogisticsExceptionView[] = [];
let lastOpen: Record<string, LogisticsExceptionView> | null = null;
let byOrder = new Map<string, LogisticsExceptionView[]>();

/** Open exceptions of one order (stable arrays, so cards re-render only on change). */
export function useOrderExceptions(orderId: string): LogisticsExceptionView[] {
  return useStore(exceptionStore, (s) => {
    if (s.open !== lastOpen) {
      lastOpen = s.open;
      byOrder = new Map();
      for (const e of Object.values(s.open)) byOrder.set(e.order.id, [...(byOrder.get(e.order.id) ?? []), e]);
    }
    return byOrder.get(orderId) ?? NONE;
  });
}

/** The shop's courier rules and settings, for suggestions on order cards; reloaded after the page saves them. */
export const courierStore = createStore<{ rules: StoredRule[]; settings: LogisticsSettings | null } | null>(null);
let courierLoading: Promise<void> | null = null;

export function loadCourierPolicy(force = false): Promise<void> {
  if (courierLoading && !force) return courierLoading;
  courierLoading = Promise.all([fetchRules(), fetchSettings()])
    .then(([rules, settings]) => courierStore.set({ rules, settings }))
    .catch(() => {
      courierLoading = null;
    });
  return courierLoading;
}
