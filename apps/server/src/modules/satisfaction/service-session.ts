import type { Queryable } from '../../platform/db/database.js';
import { findLastAgentBetween, listLastFarewellSeqs } from './satisfaction.repository.js';

/**
 * A service session (一次接待): a conversation's messages from just after one 结束 (its farewell line) to the next, or
 * to now while it is open. The buyer rates each session once: `key` (the seq it starts at) is the same whichever way
 * the invitation comes (closing, idle, by hand) and from whichever process, so the unique index keeps it to one.
 */
export interface ServiceSession {
  /** `from:<first seq>`, stored as satisfaction_ratings.session_key. */
  key: string;
  startSeq: number;
  endSeq: number;
  /** The last agent who answered in it (whom the rating is about); null when none did: nothing to rate. */
  servedBy: { agentId: string | null } | null;
}

/**
 * The session of a conversation that is to be rated. `closedAt`: the one that closing ended, even if the buyer has
 * written again since; otherwise the session that ended with the last 结束 while the conversation is closed, or the
 * running one while it is open.
 */
export async function findServiceSession(
  db: Queryable,
  conversation: { id: string; status: string; last_seq: number },
  closedAt?: string,
): Promise<ServiceSession> {
  const ended = closedAt !== undefined || conversation.status === 'closed';
  const farewells = await listLastFarewellSeqs(db, conversation.id, closedAt);
  let startSeq: number;
  let endSeq: number;
  if (ended && farewells.length > 0) {
    endSeq = farewells[0]!;
    startSeq = (farewells[1] ?? 0) + 1;
  } else {
    // Open (or closed before farewell lines were written): from the last 结束 to now.
    endSeq = Number(conversation.last_seq);
    startSeq = ended ? 1 : (farewells[0] ?? 0) + 1;
  }
  const servedBy = (await findLastAgentBetween(db, conversation.id, startSeq, endSeq)) ?? null;
  return { key: `from:${startSeq}`, startSeq, endSeq, servedBy };
}
