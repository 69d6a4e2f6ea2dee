import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { AUTO_OFFLINE_GRACE_MS, changeStatusBySystem } from '../agent-presence-status.js';
import { findAgent, listAgentsGoneSince } from '../agent.repository.js';

/** Sets one agent 离线 if they are still without a workbench (a tab may have opened meanwhile, on any process). */
export const autoOfflineJob = defineJob({
  id: 'agents.auto-offline@1',
  payload: z.object({ shopId: z.string(), agentId: z.string() }),
  async run(app, { shopId, agentId }) {
    const agent = await findAgent(app.storage.db, shopId, agentId);
    if (!agent?.left_at || agent.status === 'offline') return;
    if ((await app.presence.onlineAgents(shopId)).has(agentId)) return;
    await changeStatusBySystem(app, shopId, agentId, 'offline');
  },
});

async function fanOutAutoOffline(app: AppContext, queue: JobQueue): Promise<number> {
  const before = new Date(app.now().getTime() - AUTO_OFFLINE_GRACE_MS).toISOString();
  const gone = await listAgentsGoneSince(app.storage.db, before);
  for (const agent of gone) {
    await queue.enqueue(
      autoOfflineJob,
      { shopId: agent.shop_id, agentId: agent.id },
      { key: `auto-offline:${agent.id}:${agent.left_at}` },
    );
  }
  return gone.length;
}

export const autoOfflineSchedule: ScheduleDefinition = { id: 'agents.auto-offline', fanOut: fanOutAutoOffline };
export const AUTH_JOBS = [autoOfflineJob];
