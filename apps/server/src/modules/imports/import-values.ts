import { ORDER_STATUS_LABELS, OrderStatus } from '@golddesk/contracts';

/** Cell parsers for import files: each returns the value, or undefined when the text is not valid. */

const MONEY = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** 一亿元: anything above is a typo, not a price. */
const MAX_FEN = 100_000_000 * 100;

/** "129.00", "¥1,299", "129" → fen (12900). Negative amounts and more than two decimals are refused. */
export function parseFen(text: string): number | undefined {
  const match = MONEY.exec(text.trim());
  if (!match) return undefined;
  const yuan = Number(match[1]!.replaceAll(',', ''));
  const fen = yuan * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : undefined;
}

/** A whole number ≥ min (quantities, stock). */
export function parseWholeNumber(text: string, min: number, max = 1_000_000_000): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : undefined;
}

const CHINA_OFFSET_HOURS = 8;
const LOCAL_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * "2026-11-11 10:00:00" (China time, as marketplaces export it; also "2026/11/11 10:00" and dates alone)
 * → ISO 8601 UTC. Text with an explicit offset ("…Z", "+08:00") is taken as it says.
 */
export function parseChinaTime(text: string): string | undefined {
  const trimmed = text.trim();
  const match = LOCAL_TIME.exec(trimmed);
  if (!match) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) return undefined;
    const at = new Date(trimmed);
    return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (
    wall.getUTCFullYear() !== year ||
    wall.getUTCMonth() !== month - 1 ||
    wall.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return undefined;
  return new Date(wall.getTime() - CHINA_OFFSET_HOURS * 3_600_000).toISOString();
}

/** 待付款 … 交易关闭, or the English enum (pending_payment … closed, any case). */
export function parseOrderStatus(text: string): OrderStatus | undefined {
  const trimmed = text.trim();
  const byLabel = (ORDER_STATUS_LABELS as Record<string, OrderStatus>)[trimmed];
  if (byLabel) return byLabel;
  const parsed = OrderStatus.safeParse(trimmed.toLowerCase().replaceAll(' ', '_'));
  return parsed.success ? parsed.data : undefined;
}

/**
 * "颜色:黑色;尺码:M" → {颜色: 黑色, 尺码: M}. Full-width ：；, and "," between pairs are accepted;
 * an empty cell is the product's only SKU ({}).
 */
export function parseSkuProps(text: string): Record<string, string> | undefined {
  const props: Record<string, string> = {};
  const pairs = text
    .split(/[;；]/)
    .map((pair) => pair.trim())
    .filter(Boolean);
  for (const pair of pairs) {
    const match = /^([^:：]+)[:：](.+)$/.exec(pair);
    if (!match) return undefined;
    const name = match[1]!.trim();
    const value = match[2]!.trim();
    if (!name || !value || name.length > 20 || value.length > 50 || name in props) return undefined;
    props[name] = value;
  }
  return props;
}

/** The same SKU whatever order its properties were written in. */
export function skuKey(props: Record<string, string>): string {
  return JSON.stringify(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Phone numbers as exports show them, masked ones included ("138****1234"). */
export function isPhone(text: string): boolean {
  return /^[0-9+\-* ()]{5,20}$/.test(text.trim());
}
