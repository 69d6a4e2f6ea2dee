import { createHash } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';

/** How many agents of a shop are online before and after a change, to tell when "anyone there" flipped. */
export interface PresenceChange {
  before: number;
  after: number;
}

/**
 * Which agents have the workbench open (a live stream), per shop. A connection joins when its stream opens and
 * leaves when it closes; several tabs of one agent count once.
 */
export interface AgentPresence {
  join(shopId: string, agentId: string, connectionId: string): Promise<PresenceChange>;
  leave(shopId: string, agentId: string, connectionId: string): Promise<PresenceChange>;
  /** Distinct agents of the shop online now, on any process. */
  online(shopId: string): Promise<number>;
  /** Which agents of the shop have a workbench open now, on any process. */
  onlineAgents(shopId: string): Promise<Set<string>>;
  /** This process still holds its connections (called with the stream heartbeat). */
  refresh(): Promise<void>;
  /** This process stops: its connections leave at once. */
  close(): Promise<void>;
}

/** One process: the connections are all here. */
export class MemoryAgentPresence implements AgentPresence {
  private readonly shops = new Map<string, Map<string, string>>();

  // Before and after are read with the change and no await between, so concurrent leaves see one flip.
  async join(shopId: string, agentId: string, connectionId: string) {
    const before = this.count(shopId);
    let connections = this.shops.get(shopId);
    if (!connections) this.shops.set(shopId, (connections = new Map()));
    connections.set(connectionId, agentId);
    return { before, after: this.count(shopId) };
  }

  async leave(shopId: string, _agentId: string, connectionId: string) {
    const before = this.count(shopId);
    const connections = this.shops.get(shopId);
    connections?.delete(connectionId);
    if (connections?.size === 0) this.shops.delete(shopId);
    return { before, after: this.count(shopId) };
  }

  private count(shopId: string) {
    return new Set(this.shops.get(shopId)?.values()).size;
  }

  async online(shopId: string) {
    return (await this.onlineAgents(shopId)).size;
  }

  async onlineAgents(shopId: string) {
    return new Set(this.shops.get(shopId)?.values());
  }

  async refresh() {}

  async close() {
    this.shops.clear();
  }
}

/**
 * Several processes: one sorted set per shop in Redis, a member per connection scored with the time it lapses.
 * Each process renews its members with the heartbeat, so a process that dies without leaving drops out after
 * LEASE_MS. Liveness is judged by the wall clock, not the app clock: it is about processes, not business time.
 */
export class RedisAgentPresence implements AgentPresence {
  static readonly LEASE_MS = 90_000;
  private readonly prefix: string;
  /** This process's members: key → members, renewed by refresh(). */
  private readonly mine = new Map<string, Set<string>>();

  constructor(
    private readonly redis: Redis,
    signingSecret: string,
    private readonly wallClock: () => number = Date.now,
  ) {
    // Installations (or test databases) sharing one Redis keep apart, as the attempt counter does.
    this.prefix = `golddesk:presence:${createHash('sha256').update(signingSecret).digest('hex').slice(0, 16)}:`;
  }

  async join(shopId: string, agentId: string, connectionId: string) {
    const key = this.prefix + shopId;
    const member = `${agentId}|${connectionId}`;
    let members = this.mine.get(key);
    if (!members) this.mine.set(key, (members = new Set()));
    members.add(member);
    const until = this.wallClock() + RedisAgentPresence.LEASE_MS;
    return this.change(key, (multi) => multi.zadd(key, until, member).pexpire(key, RedisAgentPresence.LEASE_MS * 2));
  }

  async leave(shopId: string, agentId: string, connectionId: string) {
    const key = this.prefix + shopId;
    const member = `${agentId}|${connectionId}`;
    const members = this.mine.get(key);
    members?.delete(member);
    if (members?.size === 0) this.mine.delete(key);
    return this.change(key, (multi) => multi.zrem(key, member));
  }

  /** Runs one change between two readings in a single MULTI, so two processes' changes never see the same flip. */
  private async change(key: string, apply: (multi: ChainableCommander) => ChainableCommander): Promise<PresenceChange> {
    const multi = this.redis.multi().zremrangebyscore(key, '-inf', String(this.wallClock())).zrange(key, '0', '-1');
    const replies = (await apply(multi).zrange(key, '0', '-1').exec()) as [Error | null, unknown][];
    const agentsIn = (reply: [Error | null, unknown] | undefined) => distinctAgents((reply?.[1] as string[]) ?? []).size;
    return { before: agentsIn(replies[1]), after: agentsIn(replies.at(-1)) };
  }

  async online(shopId: string) {
    return (await this.onlineAgents(shopId)).size;
  }

  async onlineAgents(shopId: string) {
    const key = this.prefix + shopId;
    const [, [, members]] = (await this.redis
      .multi()
      .zremrangebyscore(key, '-inf', String(this.wallClock()))
      .zrange(key, '0', '-1')
      .exec()) as [[null, number], [null, string[]]];
    return distinctAgents(members);
  }

  async refresh() {
    await Promise.all([...this.mine].map(([key, members]) => this.lease(key, [...members])));
  }

  async close() {
    const pipeline = this.redis.pipeline();
    for (const [key, members] of this.mine) pipeline.zrem(key, ...members);
    this.mine.clear();
    await pipeline.exec();
  }

  private async lease(key: string, members: string[]) {
    if (members.length === 0) return;
    const until = this.wallClock() + RedisAgentPresence.LEASE_MS;
    // The key itself lapses too, so a shop nobody uses leaves nothing behind.
    await this.redis
      .multi()
      .zadd(key, ...members.flatMap((member) => [until, member]))
      .pexpire(key, RedisAgentPresence.LEASE_MS * 2)
      .exec();
  }
}

/** Members are `agentId|connectionId`; several tabs of one agent count once. */
function distinctAgents(members: string[]) {
  return new Set(members.map((member) => member.slice(0, member.indexOf('|'))));
}
