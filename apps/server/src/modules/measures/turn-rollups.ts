import { RESPONSE_BUCKETS, RESPONSE_RULES } from '@golddesk/contracts';
import type { Database } from '../../platform/db/schema.js';
import type { TurnRow } from './turn-facts.js';

export type RollupRow = Database['turn_rollups'];
export type RollupSums = Omit<RollupRow, 'shop_id' | 'day' | 'hour' | 'agent_id' | 'group_key'>;

/** The bucket columns, in RESPONSE_BUCKETS order. */
export const WITHIN_COLUMNS = [
  'within_15',
  'within_30',
  'within_60',
  'within_180',
  'within_300',
  'within_600',
] as const satisfies readonly (keyof RollupSums)[];

const zero = (): RollupSums => ({
  buyers: 0,
  buyer_messages: 0,
  agent_messages: 0,
  answered: 0,
  answered_seconds: 0,
  first_answered: 0,
  first_answered_seconds: 0,
  open_unanswered: 0,
  first_open: 0,
  within_15: 0,
  within_30: 0,
  within_60: 0,
  within_180: 0,
  within_300: 0,
  within_600: 0,
  over_600: 0,
});

/**
 * What one turn adds to its day's, hour's, agent's and group's sums. Only turns that started 08:00–23:00 count in the
 * response sums; an answered turn counts its seconds capped at 10 minutes; an unanswered one no bot answered counts as
 * open (the reader counts it as 10 minutes once it is that old). Every turn counts its messages, and a first turn of
 * the day its buyer.
 */
export function contributionOf(turn: TurnRow): RollupSums {
  const sums = zero();
  const first = Number(turn.first_of_day) === 1;
  sums.buyers = first ? 1 : 0;
  sums.buyer_messages = Number(turn.buyer_messages);
  sums.agent_messages = Number(turn.agent_messages);
  if (Number(turn.counted) !== 1) return sums;
  if (turn.response_seconds !== null) {
    const seconds = Number(turn.response_seconds);
    const capped = Math.min(seconds, RESPONSE_RULES.capSeconds);
    sums.answered = 1;
    sums.answered_seconds = capped;
    if (first) {
      sums.first_answered = 1;
      sums.first_answered_seconds = capped;
    }
    const bucket = RESPONSE_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket === -1) sums.over_600 = 1;
    else sums[WITHIN_COLUMNS[bucket]!] = 1;
  } else if (Number(turn.bot_replied) !== 1) {
    sums.open_unanswered = 1;
    if (first) sums.first_open = 1;
  }
  return sums;
}

/** The sum columns of turn_rollups. */
export const ROLLUP_SUM_COLUMNS = Object.keys(zero()) as (keyof RollupSums)[];

const keyOf = (turn: TurnRow) => [turn.shop_id, turn.day, Number(turn.hour), turn.agent_id ?? '', turn.group_key ?? ''] as const;

/** Sums of many turns' changes: what each key's rollup row gains (or loses) when `before` became `after`. */
export class RollupDeltas {
  private readonly rows = new Map<string, RollupRow>();

  /** A turn changed (before: undefined for a new turn; after: undefined for a turn removed). */
  change(before: TurnRow | undefined, after: TurnRow | undefined): this {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
    return this;
  }

  private add(turn: TurnRow, sign: 1 | -1) {
    const [shop_id, day, hour, agent_id, group_key] = keyOf(turn);
    const key = `${shop_id}|${day}|${hour}|${agent_id}|${group_key}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { shop_id, day, hour, agent_id, group_key, ...zero() }));
    const sums = contributionOf(turn);
    for (const column of ROLLUP_SUM_COLUMNS) row[column] += sign * sums[column];
  }

  /** The rows that changed (rows whose changes cancelled out are left out). */
  list(): RollupRow[] {
    return [...this.rows.values()].filter((row) => ROLLUP_SUM_COLUMNS.some((column) => row[column] !== 0));
  }
}
