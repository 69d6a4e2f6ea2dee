/**
 * GoldDesk buyer widget. Embed on a shop page:
 *   <script src="https://desk.example.com/widget/golddesk-widget.js" data-shop="demo" async></script>
 * Optional: data-api="https://desk.example.com" (defaults to the script's origin); data-lang="en" (default Chinese).
 * Public API: window.GoldDesk.open(), .close(), .setViewingProduct(p | null), .viewProduct(id), .on(event, callback),
 * .identify({ externalId, timestamp, signature, nick? }) (signed by the shop's backend), .logout().
 * The page may call GoldDesk before the script loads by queueing: (window.GoldDeskQueue ||= []).push(gd => …);
 * the widget also dispatches a `golddesk:ready` event on window.
 */
import { languageOf } from './language.js';
import { GoldDeskWidget, type WidgetEvents } from './widget.js';
import type { BuyerIdentity, ViewingProduct } from './types.js';

/** window.GoldDesk */
export interface GoldDeskApi {
  version: string;
  open(): void;
  close(): void;
  setViewingProduct(product: ViewingProduct | null): void;
  /** Reports a product view (浏览足迹) to the shop's agents; setViewingProduct does this too. */
  viewProduct(productId: string): void;
  /** The shop's signed-in customer, signed by the shop's backend; refused → `identity_failed`, stays anonymous. */
  identify(identity: BuyerIdentity): void;
  /** Forget the buyer (shared computers): a fresh anonymous visitor with an empty chat. */
  logout(): void;
  on<K extends keyof WidgetEvents>(event: K, callback: (payload: WidgetEvents[K]) => void): () => void;
}

declare global {
  interface Window {
    GoldDesk?: GoldDeskApi;
    GoldDeskQueue?: Array<(api: GoldDeskApi) => void>;
  }
}

function findScript(): HTMLScriptElement | null {
  if (document.currentScript instanceof HTMLScriptElement) return document.currentScript;
  return document.querySelector<HTMLScriptElement>('script[src*="golddesk-widget"]');
}

function boot(): void {
  if (window.GoldDesk) return; // loaded twice
  const script = findScript();
  const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;
  const widget = new GoldDeskWidget({
    shop: script?.dataset.shop || 'demo',
    base: (script?.dataset.api || scriptOrigin).replace(/\/+$/, ''),
    language: languageOf(script),
  });
  const api: GoldDeskApi = {
    version: '0.1.0',
    open: () => widget.open(),
    close: () => widget.close(),
    setViewingProduct: (product) => widget.setViewingProduct(product),
    viewProduct: (productId) => widget.viewProduct(productId),
    identify: (identity) => widget.identify(identity),
    logout: () => widget.logout(),
    on: (event, callback) => widget.on(event, callback),
  };
  window.GoldDesk = api;
  const mount = () => {
    widget.mount();
    for (const callback of window.GoldDeskQueue?.splice(0) ?? []) callback(api);
    window.GoldDeskQueue = { push: (callback: (api: GoldDeskApi) => void) => (callback(api), 0) } as unknown as Array<
      (api: GoldDeskApi) => void
    >;
    window.dispatchEvent(new CustomEvent('golddesk:ready', { detail: api }));
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

boot();
