import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.js';
import type { PresenceChange } from '../../platform/realtime/agent-presence.js';
import type { StreamConnection } from '../../platform/realtime/stream-connection.js';
import { agentWorkbenchClosed, agentWorkbenchOpened } from '../auth/index.js';
import { agentArrived } from '../routing/index.js';
import { announceServiceStatus } from '../shop-hours/index.js';

/**
 * An agent's stream makes them online for the shop until it closes. When the shop goes from nobody online to
 * someone (or back), its open widgets are told; an agent arriving may take queued buyers; the last tab closing
 * starts the grace period before automatic 离线. Returns what to call when the socket closes.
 */
export function trackAgentPresence(app: AppContext, connection: StreamConnection): () => void {
  const principal = connection.principal;
  if (principal.kind !== 'agent') return () => undefined;
  const { shopId, agentId } = principal;
  const connectionId = randomUUID();
  // Leave runs after join has settled, so a quick open-and-close never leaves a member behind.
  const joined = app.presence
    .join(shopId, agentId, connectionId)
    .then(async (change) => {
      await announceIfFlipped(app, shopId, change);
      await agentWorkbenchOpened(app, shopId, agentId);
      agentArrived(app, shopId);
    })
    .catch((err: unknown) => app.log.warn({ err }, 'presence join failed'));
  return () => {
    void joined
      .then(() => app.presence.leave(shopId, agentId, connectionId))
      .then(async (change) => {
        await announceIfFlipped(app, shopId, change);
        if (!(await app.presence.onlineAgents(shopId)).has(agentId)) await agentWorkbenchClosed(app, shopId, agentId);
      })
      .catch((err: unknown) => app.log.debug({ err }, 'presence leave failed (shutting down?)'));
  };
}

async function announceIfFlipped(app: AppContext, shopId: string, change: PresenceChange) {
  if (change.before > 0 === change.after > 0) return;
  await announceServiceStatus(app, shopId).catch((err: unknown) => app.log.warn({ err }, 'service status announce failed'));
}
