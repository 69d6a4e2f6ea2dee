import { maskPhone, seesFullPhone } from '@golddesk/contracts';
import type { DomainEvent } from '../events/domain-events.js';
import type { EventBus } from '../events/event-bus.js';
import type { StreamConnection } from './stream-connection.js';

/** Close code for "your token no longer works": the client signs in (agent) or starts a new session (buyer). */
export const CLOSE_UNAUTHORIZED = 4401;
// setTimeout overflows past ~24.8 days (buyer tokens live 30): longer waits are re-armed on firing.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Delivers committed events to the sockets of this process: agents see their whole shop, a buyer
 * only their own conversation. With Redis, every process's hub receives every event.
 */
export class StreamHub {
  private readonly agentsByShop = new Map<string, Set<StreamConnection>>();
  private readonly buyersByConversation = new Map<string, Set<StreamConnection>>();
  private readonly unsubscribe: () => void;

  /** @param now the app clock: token expiry is judged by it, so a test moves it instead of waiting */
  constructor(
    bus: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.unsubscribe = bus.subscribe((event) => this.dispatch(event));
  }

  get connectionCount() {
    let count = 0;
    for (const set of this.agentsByShop.values()) count += set.size;
    for (const set of this.buyersByConversation.values()) count += set.size;
    return count;
  }

  add(connection: StreamConnection) {
    const [map, key] = this.roomOf(connection);
    let room = map.get(key);
    if (!room) map.set(key, (room = new Set()));
    room.add(connection);
    this.armExpiry(connection);
  }

  remove(connection: StreamConnection) {
    clearTimeout(connection.expiryTimer);
    const [map, key] = this.roomOf(connection);
    const room = map.get(key);
    room?.delete(connection);
    if (room?.size === 0) map.delete(key);
  }

  /** Closes every socket (shutdown): clients reconnect to another process and resume. */
  closeAll(code: number, reason: string) {
    this.unsubscribe();
    for (const map of [this.agentsByShop, this.buyersByConversation]) {
      for (const room of map.values()) for (const c of room) c.socket.close(code, reason);
    }
  }

  /**
   * Closes every socket whose token has expired by the app clock. Runs with the heartbeat as a backstop to the
   * per-socket timers (a clock that jumps, a timer past the overflow limit); tests call it after moving the clock.
   */
  closeExpired() {
    const now = this.now().getTime();
    for (const map of [this.agentsByShop, this.buyersByConversation]) {
      for (const room of map.values()) for (const c of room) if (c.expiresAtMs <= now) this.expire(c);
    }
  }

  /** A timer for the time the token has left by the app clock; re-armed if it fires early. */
  private armExpiry(connection: StreamConnection) {
    clearTimeout(connection.expiryTimer);
    if (!Number.isFinite(connection.expiresAtMs)) return;
    const left = connection.expiresAtMs - this.now().getTime();
    if (left <= 0) return this.expire(connection);
    connection.expiryTimer = setTimeout(() => this.armExpiry(connection), Math.min(left, MAX_TIMER_MS)).unref();
  }

  private expire(connection: StreamConnection) {
    clearTimeout(connection.expiryTimer);
    connection.socket.close(CLOSE_UNAUTHORIZED, 'token expired');
  }

  /** Sign-out, sign-out everywhere or disabling: that agent's sockets (one session's, or all) close at once. */
  private closeSessions(shopId: string, agentId: string, sessionId: string | undefined, reason: string) {
    for (const c of this.agentsByShop.get(shopId) ?? []) {
      const p = c.principal;
      if (p.kind === 'agent' && p.agentId === agentId && (!sessionId || p.sessionId === sessionId)) {
        clearTimeout(c.expiryTimer);
        c.socket.close(CLOSE_UNAUTHORIZED, reason);
      }
    }
  }

  /** Rooms are per conversation; a shop-wide notice to buyers is rare enough to look through them. */
  private buyersOfShop(shopId: string, send: (connection: StreamConnection) => void) {
    for (const room of this.buyersByConversation.values()) {
      for (const c of room) if (c.principal.shopId === shopId) send(c);
    }
  }

  private roomOf(connection: StreamConnection): [Map<string, Set<StreamConnection>>, string] {
    const p = connection.principal;
    return p.kind === 'agent' ? [this.agentsByShop, p.shopId] : [this.buyersByConversation, p.conversationId];
  }

  private dispatch(event: DomainEvent) {
    const agents = this.agentsByShop.get(event.shopId);
    const buyers = event.conversationId ? this.buyersByConversation.get(event.conversationId) : undefined;
    switch (event.type) {
      case 'message.created': {
        // Serialised once, however many sockets receive it.
        const frame = JSON.stringify({ type: event.type, message: event.message });
        const { seq } = event.message;
        if (!event.held) agents?.forEach((c) => c.sendMessage(event.conversationId, seq, frame));
        buyers?.forEach((c) => c.sendMessage(event.conversationId, seq, frame));
        return;
      }
      case 'conversation.updated': {
        const frame = JSON.stringify({ type: event.type, conversation: event.conversation });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'conversation.typing_changed': {
        const frame = JSON.stringify({
          type: event.type,
          conversationId: event.conversationId,
          side: event.side,
          typing: event.typing,
        });
        (event.side === 'buyer' ? agents : buyers)?.forEach((c) => c.send(frame));
        return;
      }
      case 'order.updated': {
        // Roles that do not call buyers get the receiver's phone masked, as from the HTTP routes.
        const frame = JSON.stringify({ type: event.type, order: event.order });
        const { receiver } = event.order;
        const masked = JSON.stringify({
          type: event.type,
          order: { ...event.order, receiver: { ...receiver, phone: maskPhone(receiver.phone) } },
        });
        agents?.forEach((c) => c.send(c.principal.kind === 'agent' && !seesFullPhone(c.principal) ? masked : frame));
        return;
      }
      case 'customer.footprint_recorded': {
        const frame = JSON.stringify({
          type: event.type,
          buyerId: event.buyerId,
          conversationId: event.conversationId,
          footprint: event.footprint,
        });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'import.progressed': {
        const frame = JSON.stringify({ type: event.type, import: event.import });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'logistics.exception_changed': {
        const frame = JSON.stringify({ type: event.type, exception: event.exception });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'approval.updated': {
        const frame = JSON.stringify({ type: event.type, approval: event.approval });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'case.updated': {
        const frame = JSON.stringify({ type: event.type, case: event.case });
        agents?.forEach((c) => c.send(frame));
        const buyerFrame = JSON.stringify({ type: event.type, case: event.buyerCase });
        buyers?.forEach((c) => c.send(buyerFrame));
        return;
      }
      case 'case.reminded': {
        const frame = JSON.stringify({ type: event.type, case: event.case, assigneeId: event.assigneeId });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'task.updated': {
        const frame = JSON.stringify({ type: event.type, task: event.task });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'agent.status_changed': {
        const frame = JSON.stringify({ type: event.type, agentId: event.agentId, status: event.status });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'aftersale.updated':
      case 'conversation.queued':
        return;
      case 'queue.position_changed': {
        const frame = JSON.stringify({
          type: 'queue.position',
          position: event.position,
          ...(event.etaSeconds !== undefined ? { etaSeconds: event.etaSeconds } : {}),
        });
        buyers?.forEach((c) => c.send(frame));
        return;
      }
      case 'routing.alert': {
        const { conversationId, level, agentId, waitingSince, waitedSeconds } = event;
        const frame = JSON.stringify({ type: event.type, conversationId, level, agentId, waitingSince, waitedSeconds });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'conversation.reassigned': {
        const { conversationId, fromAgentId, toAgentId, waitingSince } = event;
        const frame = JSON.stringify({ type: event.type, conversationId, fromAgentId, toAgentId, waitingSince });
        agents?.forEach((c) => c.send(frame));
        return;
      }
      case 'satisfaction.invited':
      case 'satisfaction.rated': {
        const frame = JSON.stringify({ type: event.type, rating: event.rating });
        agents?.forEach((c) => c.send(frame));
        const buyerFrame = JSON.stringify({ type: event.type, invitation: event.invitation });
        buyers?.forEach((c) => c.send(buyerFrame));
        return;
      }
      case 'shop.status_changed': {
        const frame = JSON.stringify({ type: event.type, service: event.service });
        this.buyersOfShop(event.shopId, (c) => c.send(frame));
        return;
      }
      case 'permissions.changed': {
        // Sockets of the role mask from now on as the matrix says; every agent hears it (the role's agents refetch
        // what they may do, the matrix's viewers reload it).
        const frame = JSON.stringify({ type: event.type, role: event.role });
        agents?.forEach((c) => {
          c.updateCapabilities(event.role, event.capabilities);
          c.send(frame);
        });
        return;
      }
      case 'agent.role_changed': {
        const frame = JSON.stringify({ type: event.type, agentId: event.agentId, role: event.role });
        agents?.forEach((c) => {
          c.changeRole(event.agentId, event.role, event.capabilities);
          c.send(frame);
        });
        return;
      }
      case 'agent.sessions_revoked':
        this.closeSessions(event.shopId, event.agentId, event.sessionId, event.reason);
        return;
      case 'conversation.read': {
        const frame = JSON.stringify({
          type: event.type,
          conversationId: event.conversationId,
          side: event.side,
          seq: event.seq,
        });
        agents?.forEach((c) => c.send(frame));
        if (event.side === 'agent') buyers?.forEach((c) => c.send(frame));
        return;
      }
    }
  }
}
