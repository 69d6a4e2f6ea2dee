import { isCapability } from '@golddesk/contracts';
import type { WebSocket } from 'ws';
import type { Principal } from '../security/tokens.js';

/** Past this much unsent data the client is too slow; it is dropped and will resume from its last seq. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * One WebSocket. Tracks the highest seq sent per conversation, so the resume catch-up and live
 * fan-out never send a message twice or out of order.
 */
export class StreamConnection {
  private readonly delivered = new Map<string, number>();
  /** While a catch-up runs, live message frames wait here. */
  private held: { conversationId: string; seq: number; frame: string }[] | null = null;
  alive = true;
  private corked = false;
  /** Closes the socket when its token expires (armed by the hub). */
  expiryTimer: NodeJS.Timeout | undefined;

  /** @param expiresAtMs when the token the socket was opened with stops working (app clock) */
  constructor(
    readonly socket: WebSocket,
    private holder: Principal,
    readonly expiresAtMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Who the socket serves; an agent's capabilities follow the shop's permissions matrix while it is open. */
  get principal(): Principal {
    return this.holder;
  }

  /** The matrix's column for `role` changed: an agent socket of that role decides with the new one from now on. */
  updateCapabilities(role: string, capabilities: readonly string[]) {
    if (this.holder.kind !== 'agent' || this.holder.role !== role) return;
    this.holder = { ...this.holder, capabilities: capabilities.filter(isCapability) };
  }

  /** The agent was given another role: their sockets decide with its column from now on. */
  changeRole(agentId: string, role: string, capabilities: readonly string[]) {
    if (this.holder.kind !== 'agent' || this.holder.agentId !== agentId) return;
    this.holder = { ...this.holder, role, capabilities: capabilities.filter(isCapability) };
  }

  send(frame: string) {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.close(1013, 'too slow; reconnect and resume');
      return;
    }
    this.corkUntilNextTick();
    this.socket.send(frame);
  }

  /** Frames sent in one tick (a committed batch fans out many) leave in one write, not one syscall each. */
  private corkUntilNextTick() {
    if (this.corked) return;
    const raw = (this.socket as unknown as { _socket?: import('node:net').Socket })._socket;
    if (!raw) return;
    this.corked = true;
    raw.cork();
    process.nextTick(() => {
      this.corked = false;
      raw.uncork();
    });
  }

  sendJson(frame: object) {
    this.send(JSON.stringify(frame));
  }

  /** A message frame: skipped if this seq (or a later one) already went out. */
  sendMessage(conversationId: string, seq: number, frame: string) {
    if (this.held) {
      this.held.push({ conversationId, seq, frame });
      return;
    }
    if (seq <= (this.delivered.get(conversationId) ?? 0)) return;
    this.delivered.set(conversationId, seq);
    this.send(frame);
  }

  /** Starts a catch-up: the client already has everything up to these seqs. */
  beginCatchUp(cursors: Map<string, number>) {
    for (const [conversationId, seq] of cursors) {
      this.delivered.set(conversationId, Math.max(seq, this.delivered.get(conversationId) ?? 0));
    }
    this.held ??= [];
  }

  /** Sends a stored message during catch-up (bypassing the hold). */
  sendCaughtUp(conversationId: string, seq: number, frame: string) {
    if (seq <= (this.delivered.get(conversationId) ?? 0)) return;
    this.delivered.set(conversationId, seq);
    this.send(frame);
  }

  /** Ends the catch-up: what arrived live meanwhile goes out, minus what the catch-up already sent. */
  endCatchUp() {
    const held = this.held ?? [];
    this.held = null;
    // Held frames are already in commit order per conversation (one publisher per commit, FIFO bus).
    for (const { conversationId, seq, frame } of held) this.sendMessage(conversationId, seq, frame);
  }
}
