import type { AppContext } from '../../../platform/app-context.js';
import { findRule } from '../auto-reply.repository.js';
import { fireAutoReply } from '../fire-auto-reply.js';

const LEASE_MS = 60_000;

/**
 * Sends every delayed reply that is due by the app clock, unless an agent answered after the buyer's message.
 * Safe on several processes: a row is claimed by moving its due time forward (a lease) with a conditional UPDATE
 * that only one process wins; a process that dies mid-way leaves the row to be claimed again after the lease, and
 * the reply itself is sent once per (rule, buyer message) whatever happens. Returns how many replies it sent.
 */
export async function runDueDelayedReplies(app: AppContext): Promise<number> {
  const db = app.storage.db;
  const now = app.now();
  const due = await db
    .selectFrom('auto_reply_pending')
    .selectAll()
    .where('status', '=', 'pending')
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(100)
    .execute();
  let sent = 0;
  for (const row of due) {
    const claim = await db
      .updateTable('auto_reply_pending')
      .set({ due_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('due_at', '=', row.due_at)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const answered = await db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', row.conversation_id)
      .where('sender', '=', 'agent')
      .where('seq', '>', Number(row.trigger_seq))
      .limit(1)
      .executeTakeFirst();
    const rule = answered ? undefined : await findRule(db, row.shop_id, row.rule_id);
    let status = answered ? 'answered' : 'skipped';
    if (rule && Number(rule.enabled) === 1) {
      const fired = await fireAutoReply(app, {
        rule,
        shopId: row.shop_id,
        conversationId: row.conversation_id,
        triggerMessageId: row.trigger_message_id,
      });
      if (fired) {
        sent += 1;
        status = 'sent';
      }
    }
    await db.updateTable('auto_reply_pending').set({ status }).where('id', '=', row.id).execute();
  }
  return sent;
}
