import type { AppContext } from '../../../platform/app-context.js';
import { hasAgentMessageAfter } from '../../conversations/index.js';
import { claimDelayedReply, findRule, listDueDelayedReplies, setDelayedReplyStatus } from '../auto-reply.repository.js';
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
  const due = await listDueDelayedReplies(db, now.toISOString());
  let sent = 0;
  for (const row of due) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    if (!(await claimDelayedReply(db, row.id, row.due_at, leaseUntil))) continue;
    const answered = await hasAgentMessageAfter(db, row.conversation_id, Number(row.trigger_seq));
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
    await setDelayedReplyStatus(db, row.id, status);
  }
  return sent;
}
