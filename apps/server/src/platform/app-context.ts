import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.js';
import type { Storage } from './db/database.js';
import type { EventBus } from './events/event-bus.js';
import type { AgentPresence } from './realtime/agent-presence.js';
import type { AttemptCounter } from './security/attempt-counter.js';
import type { Principal, TokenService } from './security/tokens.js';

/** Infrastructure handed to every command and query; no business rules live here. */
export interface AppContext {
  config: Config;
  storage: Storage;
  bus: EventBus;
  tokens: TokenService;
  attempts: AttemptCounter;
  /** Which agents have a live stream, per shop (across processes with Redis). */
  presence: AgentPresence;
  log: FastifyBaseLogger;
  /** The clock; tests replace it. */
  now(): Date;
}

/** What a use case runs with: the platform and who is acting. */
export interface CommandContext<P extends Principal = Principal> {
  app: AppContext;
  actor: P;
}

export function isoNow(app: AppContext): string {
  return app.now().toISOString();
}
