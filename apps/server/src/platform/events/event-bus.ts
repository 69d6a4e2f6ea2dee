import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { DomainEvent } from './domain-events.js';

export type EventHandler = (event: DomainEvent) => void;
/** Told when an event could not be published (Redis down): live frames for it are lost, durable work is not (outbox). */
export type PublishFailureHandler = (event: DomainEvent, error: unknown) => void;

/** Publishes committed domain events to every process; subscribers get each event once. */
export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(handler: EventHandler): () => void;
  /** Makes publish failures visible (logged, and the outbox relay wakes up); returns the way to stop listening. */
  onPublishFailed(handler: PublishFailureHandler): () => void;
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
  /** In one process a publish cannot fail. */
  onPublishFailed(_handler: PublishFailureHandler) {
    return () => undefined;
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
  private readonly failureHandlers = new Set<PublishFailureHandler>();

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
    void this.publisher.publish(CHANNEL, JSON.stringify(event)).catch((error: unknown) => {
      for (const handler of this.failureHandlers) {
        try {
          handler(event, error);
        } catch {
          // a failing handler must not stop the others
        }
      }
    });
  }
  subscribe(handler: EventHandler) {
    return this.local.subscribe(handler);
  }
  onPublishFailed(handler: PublishFailureHandler) {
    this.failureHandlers.add(handler);
    return () => void this.failureHandlers.delete(handler);
  }
  async close() {
    await this.local.close();
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => undefined);
  }
}
