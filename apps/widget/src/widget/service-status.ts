import type { ServiceStatus } from './types.js';

/** While the panel is open, ask again this often: the hours may close with nobody telling the stream. */
const RECHECK_MS = 5 * 60_000;

/**
 * Keeps the panel's 在线 / 休息中 true: asks the server when the panel opens and after a reconnect, takes pushed
 * `shop.status_changed` frames, and while open asks again at the next opening time or every few minutes.
 */
export class ServiceStatusWatcher {
  readonly #load: () => Promise<ServiceStatus | undefined>;
  readonly #show: (service: ServiceStatus) => void;
  #active = false;
  #timer: number | undefined;

  constructor(load: () => Promise<ServiceStatus | undefined>, show: (service: ServiceStatus) => void) {
    this.#load = load;
    this.#show = show;
  }

  /** The panel opened: ask now, and keep asking while it stays open. */
  start(): void {
    this.#active = true;
    this.refresh();
  }

  stop(): void {
    this.#active = false;
    window.clearTimeout(this.#timer);
  }

  refresh(): void {
    this.#load()
      .then((service) => service && this.apply(service))
      .catch(() => this.#schedule(null)); // offline: the reconnect or the next check asks again
  }

  /** A status from the server (answer or pushed frame). */
  apply(service: ServiceStatus): void {
    this.#show(service);
    this.#schedule(service);
  }

  #schedule(service: ServiceStatus | null): void {
    window.clearTimeout(this.#timer);
    if (!this.#active) return;
    const opensIn = service?.nextOpenAt ? Date.parse(service.nextOpenAt) - Date.now() : Number.NaN;
    // A little after the opening, so the server's clock agrees it has come.
    const wait = opensIn > 0 && opensIn < RECHECK_MS ? opensIn + 1_000 : RECHECK_MS;
    this.#timer = window.setTimeout(() => this.refresh(), wait);
  }
}
