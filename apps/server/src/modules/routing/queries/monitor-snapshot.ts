import { statusWord, type MonitorBuyer, type MonitorResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { effectiveStatus } from '../../auth/index.js';
import { loadRoutingPool, takesNewBuyers } from '../routing-pool.js';
import { readRoutingSettings } from '../routing-settings.js';
import { listWaitingBuyers } from '../routing.repository.js';

/**
 * 实时监控: each group's queue (longest wait first) with its online members and free slots, and each agent's status,
 * load against capacity and unanswered buyers. Group names in the viewer's language for the built-in groups.
 */
export async function monitorSnapshot(app: AppContext, shopId: string, language: 'zh-CN' | 'en'): Promise<MonitorResponse> {
  const db = app.storage.db;
  const settings = await readRoutingSettings(db, shopId);
  const [pool, waiting] = await Promise.all([loadRoutingPool(app, shopId, settings), listWaitingBuyers(db, shopId)]);
  const buyer = (row: (typeof waiting)[number]): MonitorBuyer => ({
    conversationId: row.id,
    buyer: { id: row.buyer_id, nick: row.nick },
    waitingSince: row.waiting_since!,
    position: row.queue_position ?? null,
    assigneeId: row.assignee_id,
    group: row.group_key ?? null,
  });
  const queued = waiting.filter((row) => !row.assignee_id);
  const groups = settings.groups.map((group) => {
    const members = pool.filter((agent) => agent.groups.includes(group.key) && takesNewBuyers(agent));
    return {
      key: group.key,
      name: group.name || statusWord('routingGroup', group.key, language),
      strategy: group.strategy,
      queue: queued.filter((row) => row.group_key === group.key).map(buyer),
      membersOnline: members.length,
      freeSlots: members.reduce((sum, agent) => sum + Math.max(0, agent.capacity - agent.load), 0),
    };
  });
  const unrouted = queued.filter((row) => !row.group_key || !settings.groups.some((g) => g.key === row.group_key));
  if (unrouted.length) {
    groups.push({
      key: '',
      name: language === 'en' ? 'Not routed' : '未分流',
      strategy: 'least_busy',
      queue: unrouted.map(buyer),
      membersOnline: 0,
      freeSlots: 0,
    });
  }
  return {
    at: app.now().toISOString(),
    redAfterSeconds: settings.reassignAfterSeconds || 100,
    alertAfterSeconds: settings.managerAlertSeconds,
    autoAssign: settings.autoAssign,
    groups,
    agents: pool.map((agent) => ({
      id: agent.id,
      name: agent.name,
      role: agent.role,
      status: effectiveStatus({ status: agent.status, left_at: agent.leftAt }, agent.present, agent.signedIn),
      load: agent.load,
      capacity: agent.capacity,
      groups: agent.groups,
      unanswered: waiting.filter((row) => row.assignee_id === agent.id).map(buyer),
    })),
  };
}
