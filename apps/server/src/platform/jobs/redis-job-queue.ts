import { Queue, Worker, type Job } from 'bullmq';
import type { AppContext } from '../app-context.js';
import type { EnqueueOptions, JobDefinition, JobQueue } from './job-definition.js';

const QUEUE_NAME = 'golddesk-jobs';

/**
 * Jobs in Redis through BullMQ (when REDIS_URL is set). The deterministic key becomes the BullMQ jobId,
 * so the same key added by three processes while it waits or runs is one job; BullMQ's lock gives each
 * job to one worker. Finished jobs are removed (the work records itself, e.g. payment_reminders, which is
 * what makes a later run of the same key a no-op). `namespace` separates installations (and test
 * databases) sharing one Redis.
 */
export class RedisJobQueue implements JobQueue {
  readonly backend = 'redis' as const;
  private readonly queue: Queue;
  private worker?: Worker;
  private closed = false;

  constructor(
    private readonly app: AppContext,
    private readonly definitions: Map<string, JobDefinition>,
    private readonly options: { url: string; namespace: string },
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: { url: options.url }, prefix: this.prefix });
    this.queue.on('error', (err) => app.log.warn({ err }, 'job queue error'));
  }

  private get prefix() {
    return `golddesk:${this.options.namespace}`;
  }

  async enqueue<P>(job: JobDefinition<P>, payload: P, options: EnqueueOptions): Promise<void> {
    await this.queue.add(job.id, job.payload.parse(payload), {
      // BullMQ reserves ':' in ids.
      jobId: options.key.replaceAll(':', '.'),
      attempts: job.maxAttempts ?? 5,
      backoff: { type: 'exponential', delay: 1000 },
      // Done or given up: the key is free for the schedule to enqueue again when the work is still due.
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  startWorker() {
    if (this.worker || this.closed) return;
    this.worker = new Worker(QUEUE_NAME, (job: Job) => this.process(job), {
      connection: { url: this.options.url, maxRetriesPerRequest: null },
      prefix: this.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (err) => this.app.log.warn({ err }, 'job worker error'));
    this.worker.on('failed', (job, err) => this.app.log.warn({ err, job: job?.name }, 'job failed'));
  }

  private async process(job: Job) {
    const definition = this.definitions.get(job.name);
    // A job of a version this process does not know (a newer deploy): fail it so BullMQ retries elsewhere.
    if (!definition) throw new Error(`unknown job ${job.name}`);
    await definition.run(this.app, definition.payload.parse(job.data));
  }

  async settle(timeoutMs = 10_000) {
    this.startWorker();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close() {
    this.closed = true;
    await this.worker?.close();
    await this.queue.close();
  }
}
