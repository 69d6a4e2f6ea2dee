import type { AgentStatus } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { findAgent, recordAgentStatus, setAgentAutoOffline, setAgentLeftAt } from './agent.repository.js';

/** How long an agent may be without any workbench open (a reload, a dropped network) before 离线 comes by itself. */
export const AUTO_OFFLINE_GRACE_MS = 2 * 60_000;

/**
 * An agent's workbench opened: the clock for automatic 离线 stops; if 离线 had come by itself (or no status was ever
 * set), 在线 comes (back) (a status the agent chose survives any reconnect).
 */
export async function agentWorkbenchOpened(app: AppContext, shopId: string, agentId: string): Promise<void> {
  const db = app.storage.db;
  await setAgentLeftAt(db, agentId, null);
  const agent = await findAgent(db, shopId, agentId);
  if (!agent) return;
  if (agent.auto_offline_at && agent.status === 'offline') return changeStatusBySystem(app, shopId, agentId, 'online');
  // Never set: 在线 from the first workbench on, recorded like any status, so their online time (在线时长) counts.
  if (agent.status === null) return changeStatusBySystem(app, shopId, agentId, 'online');
  // Colleagues (the team page, the monitor) see them as they set themselves, now that a workbench is open.
  app.bus.publish({ type: 'agent.status_changed', shopId, agentId, status: (agent.status ?? 'online') as AgentStatus });
}

/** The agent's last workbench closed (on every process): automatic 离线 follows after the grace period. */
export async function agentWorkbenchClosed(app: AppContext, shopId: string, agentId: string): Promise<void> {
  await setAgentLeftAt(app.storage.db, agentId, app.now().toISOString());
  // As colleagues see it: 离线 while no workbench is open (the status they set is kept for their return).
  app.bus.publish({ type: 'agent.status_changed', shopId, agentId, status: 'offline' });
}

/** Sets a status the agent did not choose themselves (automatic 离线, or 在线 back after it). */
export async function changeStatusBySystem(app: AppContext, shopId: string, agentId: string, status: AgentStatus) {
  const at = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    await recordAgentStatus(trx, { shopId, agentId, status, at, periodId: newId() });
    await setAgentAutoOffline(trx, agentId, status === 'offline' ? at : null);
  });
  app.bus.publish({ type: 'agent.status_changed', shopId, agentId, status });
}
