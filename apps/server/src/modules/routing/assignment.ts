import { DEFAULT_AGENT_CAPACITY, type AssignmentKind } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { announceConversations, insertAssignment } from '../conversations/index.js';
import { claimConversation, lockAgentLoad, touchLastRouted } from './routing.repository.js';

/** Giving one unserved buyer to one agent. */
export interface AssignAttempt {
  shopId: string;
  conversationId: string;
  agentId: string;
  group: string | null;
  kind: AssignmentKind;
  fromAgentId?: string | null;
  /** Who decided (null: routing itself). */
  actorId?: string | null;
  note?: string | null;
  /** The hand-over note the agent sees first (JSON Handoff); left as is when undefined. */
  handoffJson?: string | null;
}

/** assigned; full: the agent has no room (or is gone); taken: someone else got the buyer first. */
export type AttemptResult = 'assigned' | 'full' | 'taken';

/**
 * Gives the buyer to the agent if the agent has room, atomically across processes: the agent's row is held while
 * their load is counted, and the conversation is claimed only while nobody serves it. The assignment is recorded
 * (who had the buyer when) and announced after the commit.
 */
export async function assignIfRoom(app: AppContext, attempt: AssignAttempt): Promise<AttemptResult> {
  const at = app.now().toISOString();
  const result = await app.storage.db.transaction().execute(async (trx): Promise<AttemptResult> => {
    const held = await lockAgentLoad(trx, attempt.agentId);
    if (!held || held.load >= (held.capacity ?? DEFAULT_AGENT_CAPACITY)) return 'full';
    const claimed = await claimConversation(trx, {
      shopId: attempt.shopId,
      conversationId: attempt.conversationId,
      agentId: attempt.agentId,
      group: attempt.group,
      at,
      handoffJson: attempt.handoffJson,
    });
    if (!claimed) return 'taken';
    await insertAssignment(trx, {
      id: newId(),
      shop_id: attempt.shopId,
      conversation_id: attempt.conversationId,
      kind: attempt.kind,
      agent_id: attempt.agentId,
      from_agent_id: attempt.fromAgentId ?? null,
      group_key: attempt.group,
      actor_id: attempt.actorId ?? null,
      note: attempt.note ?? null,
      at,
    });
    await touchLastRouted(trx, attempt.agentId, at);
    return 'assigned';
  });
  if (result === 'assigned') await announceAssignment(app, attempt.shopId, attempt.conversationId);
  return result;
}

/** After a buyer got an agent: colleagues' lists change, and the buyer's widget drops the queue place. */
export async function announceAssignment(app: AppContext, shopId: string, conversationId: string) {
  app.bus.publish({ type: 'queue.position_changed', shopId, conversationId, position: null });
  await announceConversations(app, shopId, [conversationId]);
}

/** Records an event with no new assignee (queued, released). */
export async function recordAssignmentEvent(
  app: AppContext,
  event: {
    shopId: string;
    conversationId: string;
    kind: AssignmentKind;
    group: string | null;
    fromAgentId?: string | null;
    actorId?: string | null;
    note?: string | null;
    agentId?: string | null;
  },
) {
  await insertAssignment(app.storage.db, {
    id: newId(),
    shop_id: event.shopId,
    conversation_id: event.conversationId,
    kind: event.kind,
    agent_id: event.agentId ?? null,
    from_agent_id: event.fromAgentId ?? null,
    group_key: event.group,
    actor_id: event.actorId ?? null,
    note: event.note ?? null,
    at: app.now().toISOString(),
  });
}
