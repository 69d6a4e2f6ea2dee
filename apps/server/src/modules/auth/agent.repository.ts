import type { Queryable } from '../../platform/db/database.js';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type AgentRow = Selectable<Database['agents']>;

export async function findAgentByUsername(db: Queryable, shopId: string, username: string) {
  return db.selectFrom('agents').selectAll().where('shop_id', '=', shopId).where('username', '=', username).executeTakeFirst();
}

export async function findAgent(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('agents').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function insertAgent(db: Queryable, row: Insertable<Database['agents']>) {
  await db.insertInto('agents').values(row).execute();
}

/** The shop's agents, each with the name of their role when it is one the shop made (null for built-in roles). */
export async function listAgents(db: Queryable, shopId: string) {
  return db
    .selectFrom('agents as a')
    .leftJoin('shop_roles as r', (join) => join.onRef('r.shop_id', '=', 'a.shop_id').onRef('r.key', '=', 'a.role'))
    .selectAll('a')
    .select('r.name as role_name')
    .where('a.shop_id', '=', shopId)
    .orderBy('a.created_at')
    .orderBy('a.username')
    .execute();
}

/** Marks an agent disabled (an ISO time) or enabled (null). */
export async function setAgentDisabledAt(db: Queryable, shopId: string, id: string, disabledAt: string | null) {
  await db.updateTable('agents').set({ disabled_at: disabledAt }).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

/** Replaces an agent's password hash, but only while it is still the given old one. */
export async function replaceAgentPasswordHash(db: Queryable, agentId: string, oldHash: string, passwordHash: string) {
  await db
    .updateTable('agents')
    .set({ password_hash: passwordHash })
    .where('id', '=', agentId)
    .where('password_hash', '=', oldHash)
    .execute();
}

/** Sets the status an agent chose, and starts its period (ending the open one): online time is counted from them. */
export async function recordAgentStatus(
  db: Queryable,
  props: { shopId: string; agentId: string; status: string; at: string; periodId: string },
) {
  await db
    .updateTable('agents')
    .set({ status: props.status })
    .where('shop_id', '=', props.shopId)
    .where('id', '=', props.agentId)
    .execute();
  await db
    .updateTable('agent_status_periods')
    .set({ ended_at: props.at })
    .where('shop_id', '=', props.shopId)
    .where('agent_id', '=', props.agentId)
    .where('ended_at', 'is', null)
    .execute();
  await db
    .insertInto('agent_status_periods')
    .values({
      id: props.periodId,
      shop_id: props.shopId,
      agent_id: props.agentId,
      status: props.status,
      started_at: props.at,
      ended_at: null,
    })
    .execute();
}

/** The agent's last workbench closed at `at` (null: one is open again). */
export async function setAgentLeftAt(db: Queryable, agentId: string, at: string | null) {
  await db.updateTable('agents').set({ left_at: at }).where('id', '=', agentId).execute();
}

/** Agents gone (no workbench) since before `before` whose status is not 离线 yet. */
export async function listAgentsGoneSince(db: Queryable, before: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'shop_id', 'left_at'])
    .where('left_at', 'is not', null)
    .where('left_at', '<=', before)
    .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'offline')]))
    .where('disabled_at', 'is', null)
    .limit(500)
    .execute();
}

/** Marks (or clears, with null) that the agent's 离线 came by itself. */
export async function setAgentAutoOffline(db: Queryable, agentId: string, at: string | null) {
  await db.updateTable('agents').set({ auto_offline_at: at }).where('id', '=', agentId).execute();
}

/** A role's row of the shop's permissions matrix (its name and column), undefined when the shop never changed it. */
export async function findRoleColumn(db: Queryable, shopId: string, role: string) {
  return db
    .selectFrom('shop_roles')
    .select(['name', 'capabilities_json'])
    .where('shop_id', '=', shopId)
    .where('key', '=', role)
    .executeTakeFirst();
}

/** Gives an agent another role (a built-in one or the shop's own). */
export async function setAgentRole(db: Queryable, shopId: string, id: string, role: string) {
  await db.updateTable('agents').set({ role }).where('shop_id', '=', shopId).where('id', '=', id).execute();
}
