import type { BatchRunner } from './batch-runner.js';

type Pending<I, O> = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };

/**
 * Group commit: writes that arrive while a transaction is in flight wait and go together in the next
 * one, so throughput is not capped at one durable commit (one fsync) per write. Each caller's promise
 * settles only after the transaction holding its write has committed.
 */
export class GroupCommitter<I, O> {
  private queue: Pending<I, O>[] = [];
  private flushing = false;

  constructor(
    /** Commits a batch in one transaction, in this process or on a writer thread. */
    private readonly runner: BatchRunner<I, O>,
    /** Runs after the commit with the inputs and outputs of the batch (e.g. to publish events). */
    private readonly afterCommit: (inputs: I[], outputs: O[]) => void,
    private readonly maxBatch = 500,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Yield once so writes arriving in the same tick join the first batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Waits until everything submitted so far is committed, then releases the runner (shutdown). */
  async close(): Promise<void> {
    while (this.flushing || this.queue.length) await new Promise((r) => setTimeout(r, 5));
    await this.runner.close();
  }

  private async flush() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.commit(batch);
      } catch {
        // One bad write must not fail its neighbours: retry them one by one.
        for (const item of batch) await this.commit([item]).catch(item.reject);
      }
    }
    this.flushing = false;
  }

  private async commit(batch: Pending<I, O>[]) {
    const inputs = batch.map((p) => p.input);
    const outputs = await this.runner.run(inputs);
    try {
      this.afterCommit(inputs, outputs);
    } catch {
      // committed is committed: a failing publisher must not make the writes look failed
    }
    batch.forEach((p, i) => p.resolve(outputs[i]!));
  }
}
