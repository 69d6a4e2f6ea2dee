import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { DomainEvent } from './domain-events.js';

export type EventHandler = (event: DomainEvent) => void;

/** Publishes committed domain events to every process; subscribers get each event once. */
export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

/** One process: events go straight to local subscribers. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  publish(event: DomainEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(handler: EventHandler) {
    const safe = (event: DomainEvent) => {
      try {
        handler(event);
      } catch {
        // a failing listener must not stop the others
      }
    };
    this.emitter.on('event', safe);
    return () => void this.emitter.off('event', safe);
  }
  async close() {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = 'golddesk:events';

/** Several processes: events travel through Redis pub/sub and come back to every process, this one included. */
export class RedisEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  private constructor(url: string) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber.on('message', (_channel: string, payload: string) => {
      this.local.publish(JSON.parse(payload) as DomainEvent);
    });
  }

  static async connect(url: string): Promise<RedisEventBus> {
    const bus = new RedisEventBus(url);
    await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
    await bus.subscriber.subscribe(CHANNEL);
    return bus;
  }

  publish(event: DomainEvent): void {
    void this.publisher.publish(CHANNEL, JSON.stringify(event)).catch(() => undefined);
  }
  subscribe(handler: EventHandler) {
    return this.local.subscribe(handler);
  }
  async close() {
    await this.local.close();
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => undefined);
  }
}
