import type { ProductCard, ViewingProduct } from './types.js';

/**
 * The product the buyer is looking at: offered as a card to send (once), and reported as a footprint (浏览足迹).
 * Without a session yet the latest view waits, so browsing alone creates no buyer.
 */
export class ProductInterest {
  viewing: ProductCard | null = null;
  readonly #sent = new Set<string>();
  #unreported: string | null = null;

  constructor(
    /** Reports a view; null when there is no session to report it with. */
    private readonly record: (productId: string) => Promise<unknown> | null,
    private readonly show: (product: ProductCard | null, sent: boolean) => void,
  ) {}

  set(product: ViewingProduct | null): void {
    this.viewing = product
      ? {
          productId: String(product.id),
          title: String(product.title),
          priceFen: Number(product.priceFen) || 0,
          imageUrl: product.imageUrl ?? null,
        }
      : null;
    this.show(this.viewing, !!this.viewing && this.#sent.has(this.viewing.productId));
    if (this.viewing) this.report(this.viewing.productId);
  }

  report(productId: string): void {
    const id = String(productId);
    const pending = this.record(id);
    if (!pending) this.#unreported = id;
    else pending.catch(() => undefined); // a footprint is a hint; never bother the buyer
  }

  /** The session has started: report the view that waited for it. */
  flush(): void {
    const id = this.#unreported;
    this.#unreported = null;
    if (id) this.report(id);
  }

  /** The card to send now, marked as sent. */
  take(): ProductCard | null {
    const product = this.viewing;
    if (!product) return null;
    this.#sent.add(product.productId);
    this.show(product, true);
    return product;
  }

  forget(): void {
    this.#sent.clear();
    this.show(this.viewing, false);
  }
}
