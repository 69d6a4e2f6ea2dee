// Money helpers with no dependencies, so the widget can import them (`@golddesk/contracts/money`) without zod.

/** How an amount in fen is written wherever a person reads it. */
export interface FenFormat {
  /** Put ¥ in front (default true); false where the UI draws the sign itself ("129.00"). */
  sign?: boolean;
  /** Drop trailing zeros the way a shop writes prices in offers: 5000 → "50", 1990 → "19.9" (default false). */
  short?: boolean;
}

/** Integer fen as yuan: 12900 → "¥129.00" (see FenFormat for the variants). */
export function formatFen(fen: number, format: FenFormat = {}): string {
  const fixed = (fen / 100).toFixed(2);
  const amount = format.short ? fixed.replace(/\.?0+$/, '') : fixed;
  return format.sign === false ? amount : `¥${amount}`;
}
