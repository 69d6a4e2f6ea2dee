import type { Queryable } from '../../platform/db/database.js';

/** One sign-in: the token carries its id, so ending the row ends the token at once. */
export interface AgentSessionRow {
  id: string;
  shop_id: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
}

export async function insertSession(db: Queryable, row: AgentSessionRow) {
  await db
    .insertInto('agent_sessions')
    .values({ ...row, revoked_at: null })
    .execute();
}

/**
 * The session with its agent's current role, name and disabled mark, and the role's column of the shop's permissions
 * matrix (null when the shop never changed the role), in one indexed read.
 */
export async function findSessionWithAgent(db: Queryable, sessionId: string) {
  return db
    .selectFrom('agent_sessions as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .leftJoin('shop_roles as r', (join) => join.onRef('r.shop_id', '=', 'a.shop_id').onRef('r.key', '=', 'a.role'))
    .select(['s.agent_id', 's.shop_id', 's.revoked_at', 'a.role', 'a.name', 'a.disabled_at', 'r.capabilities_json'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Ends one session; false when it had already ended. */
export async function revokeSession(db: Queryable, sessionId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('agent_sessions')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every live session of an agent; returns how many were live. */
export async function revokeAgentSessions(db: Queryable, agentId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('agent_sessions')
    .set({ revoked_at: at })
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets an agent's sessions that expired or ended long ago (called at sign-in, so the table stays small). */
export async function pruneSessions(db: Queryable, agentId: string, before: string) {
  await db.deleteFrom('agent_sessions').where('agent_id', '=', agentId).where('expires_at', '<', before).execute();
}
