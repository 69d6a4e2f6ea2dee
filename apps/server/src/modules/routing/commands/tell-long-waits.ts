import type { RoutingSettings } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { listLongWaits, markWaitTold } from '../routing.repository.js';

/** Without reassignment, an assigned agent is still nudged after this many seconds without answering. */
const DEFAULT_NUDGE_SECONDS = 100;

/**
 * Long waits raise alerts, once per wait: the assigned agent is nudged when their buyer has waited past the
 * reassignment limit (100 s), the managers are alerted past the shop's alert time (3 minutes). The monitor turns
 * the rows red on its own clock; these are the pushes.
 */
export async function tellLongWaits(app: AppContext, shopId: string, settings: RoutingSettings): Promise<void> {
  const db = app.storage.db;
  const now = app.now().getTime();
  const nudgeSeconds = settings.reassignAfterSeconds || DEFAULT_NUDGE_SECONDS;
  const since = new Date(now - Math.min(nudgeSeconds, settings.managerAlertSeconds) * 1000).toISOString();
  for (const row of await listLongWaits(db, shopId, since)) {
    const waitingSince = row.waiting_since!;
    const waited = (now - Date.parse(waitingSince)) / 1000;
    // The agent answers for the time since the buyer became theirs, not for the wait before it.
    const theirs = row.assigned_at && row.assigned_at > waitingSince ? (now - Date.parse(row.assigned_at)) / 1000 : waited;
    if (row.assignee_id && theirs >= nudgeSeconds && (await markWaitTold(db, row.id, 'nudged_for', waitingSince))) {
      app.bus.publish({
        type: 'routing.alert',
        shopId,
        conversationId: row.id,
        level: 'agent',
        agentId: row.assignee_id,
        waitingSince,
        waitedSeconds: Math.floor(waited),
      });
    }
    if (waited >= settings.managerAlertSeconds && (await markWaitTold(db, row.id, 'alerted_for', waitingSince))) {
      app.bus.publish({
        type: 'routing.alert',
        shopId,
        conversationId: row.id,
        level: 'manager',
        agentId: row.assignee_id,
        waitingSince,
        waitedSeconds: Math.floor(waited),
      });
    }
  }
}
