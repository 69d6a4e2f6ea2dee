import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AfterCommit } from '../../logistics/index.js';
import type { InboundNote } from '../inbound-notes.js';

/** What applying one inbound event did. */
export interface ApplyOutcome {
  status: 'applied' | 'parked' | 'ignored';
  /** Why it was parked or ignored, or what was inferred: worded when shown, in the reader's language. */
  note?: InboundNote[];
  /** The order it touched, to announce after the commit. */
  orderId?: string;
  /** A new order was created: events parked for it can now be applied. */
  createdOrderNo?: string;
  audit?: { targetType: string; targetId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

export interface ApplyContext {
  /** The platform, for what an applier hands to other modules' commands (a case completing, its tasks). */
  app: AppContext;
  trx: Transaction<Database>;
  shopId: string;
  /** The time of processing (ISO). */
  now: string;
  /** Follow-ups (logistics exceptions, buyer notices) to publish once the transaction committed. */
  afterCommit: AfterCommit[];
}
