import type { AppContext } from '../app-context.js';
import {
  inProcessRunner,
  sqliteWorkerRunner,
  type BatchRunner,
  type BatchWriter,
  type BatchWriterLocation,
} from './batch-runner.js';

/**
 * Gathers the writes asked for in one turn of the event loop (e.g. the facts of the outbox events a relay pass hands
 * over side by side) and commits them as one batch: on SQLite on the writer thread, taking turns with the chat's
 * messages instead of holding the database's lock from the main thread; on PostgreSQL in one transaction here.
 * Each caller's promise settles when its batch committed (or failed, for every caller of the batch).
 */
export class BatchedWrites<I> {
  private runner?: BatchRunner<I, null>;
  private waiting: { input: I; done: (error?: unknown) => void }[] = [];

  /**
   * @param location where the writer lives, for the SQLite writer thread to load it (its module URL and export name)
   * @param write the same writer, called here on PostgreSQL
   */
  constructor(
    private readonly app: AppContext,
    private readonly location: BatchWriterLocation,
    private readonly write: BatchWriter<I, null>,
  ) {}

  /** Resolves once the input's batch is committed. */
  add(input: I): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ input, done: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  private async flush() {
    const batch = this.waiting;
    this.waiting = [];
    this.runner ??=
      this.app.storage.dialect === 'sqlite'
        ? sqliteWorkerRunner(this.app.config.dataDir, this.location)
        : inProcessRunner(this.app.storage.db, this.write);
    try {
      await this.runner.run(batch.map((w) => w.input));
      for (const w of batch) w.done();
    } catch (error) {
      for (const w of batch) w.done(error);
    }
  }

  async close() {
    await this.runner?.close();
  }
}
