/** `GoldDesk.on(...)` listeners: a throwing listener on the shop's page never breaks the widget. */
export class EventEmitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, callback: (payload: Events[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(callback as (payload: never) => void);
    return () => set.delete(callback as (payload: never) => void);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const callback of this.#listeners.get(event) ?? []) {
      try {
        (callback as (p: Events[K]) => void)(payload);
      } catch (error) {
        console.error('[GoldDesk]', error);
      }
    }
  }
}
