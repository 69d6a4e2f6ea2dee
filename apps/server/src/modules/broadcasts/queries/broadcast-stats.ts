import type { BroadcastStats } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { readAndReplied, recipientCounts } from '../broadcast.repository.js';

/** Per broadcast: recipients, pending, sent, failed, skipped (by reason), read and replied (within 3 days). */
export async function broadcastStats(db: Queryable, broadcastId: string): Promise<BroadcastStats> {
  const stats: BroadcastStats = {
    recipients: 0,
    pending: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    skippedByReason: {},
    read: 0,
    replied: 0,
  };
  for (const { status, reason, n } of await recipientCounts(db, broadcastId)) {
    stats.recipients += n;
    if (status === 'pending' || status === 'sent' || status === 'failed' || status === 'skipped') stats[status] += n;
    if (status === 'skipped') stats.skippedByReason[reason ?? 'other'] = (stats.skippedByReason[reason ?? 'other'] ?? 0) + n;
  }
  if (stats.sent > 0) Object.assign(stats, await readAndReplied(db, broadcastId));
  return stats;
}
