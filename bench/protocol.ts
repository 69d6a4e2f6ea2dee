/**
 * What the orchestrator (bench/run.ts) and the load process (bench/load-client.ts) tell each other
 * over the child-process IPC channel.
 */

export type Transport = 'ws' | 'http';

export interface LoadPlan {
  /** Label used in progress lines. */
  label: string;
  /** http://127.0.0.1:port of the target (GoldDesk or the raw relay, which speaks the same subset). */
  baseUrl: string;
  shop: string;
  password: string;
  /** Agent usernames to log in; agent sockets are spread over their tokens. */
  agentUsers: string[];
  buyers: number;
  agentSockets: number;
  transport: Transport;
  /** 'max': as fast as acks allow with `inflight` per buyer; 'rate': `rate` msg/s paced in slices. */
  mode: 'max' | 'rate';
  rate: number;
  /** Upper bound of unacknowledged messages per buyer (both modes). */
  inflight: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** Pacing slice for rate mode, ms. */
  sliceMs: number;
  /** Parallel session/socket set-up requests. */
  setupConcurrency: number;
  /** Hard limit for this whole load process, seconds. */
  deadlineSeconds: number;
  /**
   * GoldDesk: the start of the shop's welcome auto-reply. Every buyer's first message must be answered by a bot
   * message containing it (counted on the buyer's own socket; the drain waits for it). Unset for the raw relay.
   */
  welcomeMark?: string;
}

export interface Quantiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  label: string;
  /** Length of the measured window, seconds (actual, not planned). */
  windowSeconds: number;
  /** Messages sent during the window. */
  sent: number;
  /** Acknowledgements (durable commits) received during the window. */
  acked: number;
  /** message.rejected frames / failed HTTP sends during the whole run. */
  rejected: number;
  errors: string[];
  /** Acknowledged messages per second in the window. */
  storedPerSecond: number;
  /** Achieved send rate during the window. */
  sentPerSecond: number;
  /** buyer send → message.created at an agent socket, ms, for messages sent in the window (all agent sockets). */
  delivery: Quantiles;
  /** buyer send → message.ack (or HTTP 2xx) on the buyer's side, ms. */
  ack: Quantiles;
  /** Window messages that every agent socket received, of those acknowledged. */
  deliveredToAllAgents: number;
  ackedInWindow: number;
  /** Rate mode: slices in which a due send was skipped because the buyer was at its in-flight bound. */
  skippedSends: number;
  setupSeconds: number;
  /** Buyers whose socket received the welcome auto-reply (plan.welcomeMark), of `buyers`; absent without a mark. */
  welcome?: { welcomed: number; buyers: number };
  /** Client-side timing: wall-clock ms of the load process's own busiest lag (event-loop delay p99). */
  clientLoopDelayP99Ms: number;
}

export type ToOrchestrator =
  | { type: 'progress'; text: string }
  | { type: 'window'; edge: 'start' | 'end'; at: number }
  | { type: 'result'; result: LoadResult }
  | { type: 'failed'; error: string };

export type ToLoadClient = { type: 'plan'; plan: LoadPlan } | { type: 'abort' };
