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
  /**
   * Commit without waiting for the disk (SQLite synchronous=NORMAL for this batch): for bookkeeping that may be
   * lost on a power cut and redone (the outbox's leases and relayed marks; its consumers are idempotent). The next
   * durable commit on the thread makes it durable too, since the WAL is written in order.
   */
  relaxedDurability?: boolean;
}

/**
 * On the SQLite writer thread, which has its own connection. better-sqlite3 is synchronous, so a durable commit
 * (fsync) on the main thread would stall every socket; there it stalls only the writer, while the main thread keeps
 * accepting the next batch. Every runner of one database shares the one thread (chat messages, the outbox's
 * bookkeeping): their batches take turns instead of waiting on each other's locks, where SQLite's busy handler
 * would sleep for milliseconds at a time.
 */
export function sqliteWorkerRunner<I, O>(dataDir: string, writer: BatchWriterLocation): BatchRunner<I, O> {
  const thread = writerThreadFor(dataDir);
  thread.users++;
  // Loaded now, so the thread has the writer's code before the first batch needs it.
  thread.preload(writer);
  let closed = false;
  return {
    run: (inputs) => thread.run(writer, inputs) as Promise<O[]>,
    async close() {
      if (closed) return;
      closed = true;
      if (--thread.users === 0) await thread.close();
    },
  };
}

interface WriterThread {
  users: number;
  preload(writer: BatchWriterLocation): void;
  run(writer: BatchWriterLocation, inputs: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

const threads = new Map<string, WriterThread>();

function writerThreadFor(dataDir: string): WriterThread {
  const existing = threads.get(dataDir);
  if (existing) return existing;
  type Pending = Map<number, { resolve: (o: unknown[]) => void; reject: (e: unknown) => void }>;
  let current: { worker: Worker; pending: Pending } | undefined;
  let nextId = 1;

  const start = () => {
    const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { dataDir } });
    const pending: Pending = new Map();
    const self = { worker, pending };
    worker.on('message', (reply: { id: number; outputs?: unknown[]; error?: string }) => {
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

  current = start();
  const thread: WriterThread = {
    users: 0,
    preload(writer) {
      (current ??= start()).worker.postMessage({ preload: writer });
    },
    run(writer, inputs) {
      const { worker, pending } = (current ??= start());
      const id = nextId++;
      return new Promise<unknown[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, writer, inputs });
      });
    },
    async close() {
      threads.delete(dataDir);
      const closing = current;
      current = undefined;
      if (!closing) return;
      const exited = new Promise((resolve) => closing.worker.once('exit', resolve));
      closing.worker.postMessage({ close: true });
      await exited;
    },
  };
  threads.set(dataDir, thread);
  return thread;
}
