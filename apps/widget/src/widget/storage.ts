/** localStorage (or this tab's sessionStorage) scoped to one shop; every call survives a blocked or full storage. */
export class ShopStorage {
  readonly #shop: string;
  readonly #area: 'localStorage' | 'sessionStorage';

  constructor(shop: string, area: 'localStorage' | 'sessionStorage' = 'localStorage') {
    this.#shop = shop;
    this.#area = area;
  }

  #key(name: string): string {
    return `golddesk:${this.#shop}:${name}`;
  }

  get(name: string): string | null {
    try {
      return window[this.#area].getItem(this.#key(name));
    } catch {
      return null;
    }
  }

  set(name: string, value: string | null): void {
    try {
      if (value === null) window[this.#area].removeItem(this.#key(name));
      else window[this.#area].setItem(this.#key(name), value);
    } catch {
      // Private mode or quota: the widget still works, it just forgets on reload.
    }
  }

  getJson<T>(name: string): T | null {
    const raw = this.get(name);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  }

  setJson(name: string, value: unknown): void {
    this.set(name, value === null ? null : JSON.stringify(value));
  }
}

/** A random id matching /^[A-Za-z0-9_-]{8,64}$/ (32 hex chars); works outside secure contexts too. */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The anonymous visitor the server issued to this browser: its id and the secret that alone resumes it. */
export interface VisitorCredentials {
  visitorId: string;
  visitorSecret: string;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{8,128}$/;

/** This browser's visitor for the shop, or null before the server issued one. */
export function storedVisitor(storage: ShopStorage): VisitorCredentials | null {
  const visitorId = storage.get('visitorId');
  const visitorSecret = storage.get('visitorSecret');
  if (!visitorId || !visitorSecret || !TOKEN_SHAPE.test(visitorId) || !TOKEN_SHAPE.test(visitorSecret)) return null;
  return { visitorId, visitorSecret };
}

export function storeVisitor(storage: ShopStorage, visitor: VisitorCredentials | null): void {
  storage.set('visitorId', visitor?.visitorId ?? null);
  storage.set('visitorSecret', visitor?.visitorSecret ?? null);
}
