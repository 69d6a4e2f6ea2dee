import type { AppContext } from '../../../platform/app-context.js';
import { listConversationsToInvite } from '../satisfaction.repository.js';
import { readSatisfactionSettings } from '../satisfaction-settings.js';
import { inviteRating } from './invite-rating.js';

/** Sessions idle longer than this past the shop's idle minutes are left alone (the sweep was down, say). */
const IDLE_LOOKBACK_MS = 2 * 3_600_000;
/** Closings this recent whose invitation is missing (their event was lost) are invited by the sweep. */
const CLOSED_LOOKBACK_MS = 3_600_000;

/**
 * The idle sweep of one shop, by the app clock: a session an agent answered whose buyer has been quiet for the shop's
 * idle minutes (no one waiting for an answer) is invited to rate; so is a session closed within the hour that has no
 * invitation yet. Each goes through inviteRating, which keeps it to one per session. Returns how many it invited.
 */
export async function inviteIdleBuyers(app: AppContext, shopId: string): Promise<number> {
  const db = app.storage.db;
  const settings = await readSatisfactionSettings(db, shopId);
  if (!settings.enabled) return 0;
  const now = app.now().getTime();
  const quietSince = now - settings.idleMinutes * 60_000;
  const candidates = await listConversationsToInvite(db, shopId, {
    lastFrom: new Date(quietSince - IDLE_LOOKBACK_MS).toISOString(),
    lastTo: new Date(quietSince).toISOString(),
    closedFrom: new Date(now - CLOSED_LOOKBACK_MS).toISOString(),
  });
  let invited = 0;
  for (const candidate of candidates) {
    const outcome = await inviteRating(app, {
      shopId,
      conversationId: candidate.id,
      by: candidate.status === 'closed' ? 'closed' : 'idle',
    });
    if (outcome.result === 'invited') invited += 1;
  }
  return invited;
}
