import { Worker } from 'node:worker_threads';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Writes one batch inside a transaction it is given; one output per input, in order. */
export type BatchWriter<I, O> = (trx: Transaction<Database>, inputs: I[]) => Promise<O[]>;

/** Runs a batch as one committed transaction, somewhere. */
export interface BatchRunner<I, O> {
  run(inputs: I[]): Promise<O[]>;
  close(): Promise<void>;
}

/** In this process, on the shared connection pool (PostgreSQL: the I/O is asynchronous anyway). */
export function inProcessRunner<I, O>(db: Kysely<Database>, write: BatchWriter<I, O>): BatchRunner<I, O> {
  return {
    run: (inputs) => db.transaction().execute((trx) => write(trx, inputs)),
    close: async () => undefined,
  };
}

/** Where the batch writer lives, so a worker thread can load it: its module URL and export name. */
export interface BatchWriterLocation {
  module: string;
  exportName: string;
}

/**
 * On a dedicated writer thread with its own SQLite connection. better-sqlite3 is synchronous, so a
 * durable commit (fsync) on the main thread would stall every socket; here it stalls only the writer,
 * while the main thread keeps accepting the next batch.
 */
export function sqliteWorkerRunner<I, O>(dataDir: string, writer: BatchWriterLocation): BatchRunner<I, O> {
  type Pending = Map<number, { resolve: (o: O[]) => void; reject: (e: unknown) => void }>;
  let current: { worker: Worker; pending: Pending } | undefined;
  let nextId = 1;

  const start = () => {
    const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { dataDir, writer } });
    const pending: Pending = new Map();
    const self = { worker, pending };
    worker.on('message', (reply: { id: number; outputs?: O[]; error?: string }) => {
      const entry = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error !== undefined) entry?.reject(new Error(reply.error));
      else entry?.resolve(reply.outputs!);
    });
    // A dead writer fails what it held; the next batch starts a fresh one.
    const fail = (error: unknown) => {
      if (current === self) current = undefined;
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SQLite writer thread exited (${code})`)));
    return self;
  };

  // Started now, so the thread has loaded its code before the first message needs it.
  current = start();
  return {
    run(inputs) {
      const { worker, pending } = (current ??= start());
      const id = nextId++;
      return new Promise<O[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, inputs });
      });
    },
    async close() {
      const closing = current;
      current = undefined;
      if (!closing) return;
      const exited = new Promise((resolve) => closing.worker.once('exit', resolve));
      closing.worker.postMessage({ close: true });
      await exited;
    },
  };
}
