// The SQLite writer thread (see sqliteWorkerRunner): one connection, one batch transaction at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import type { BatchWriter, BatchWriterLocation } from './batch-runner.js';
import { openStorage } from './database.js';

const { dataDir } = workerData as { dataDir: string };
const storage = openStorage({ dataDir });
// Each batch names its writer (chat messages, outbox bookkeeping …); each is loaded once, on first use.
const writers = new Map<string, Promise<BatchWriter<unknown, unknown>>>();
const writerAt = ({ module, exportName }: BatchWriterLocation) => {
  const key = `${module}#${exportName}`;
  let loading = writers.get(key);
  if (!loading) {
    loading = import(module).then((loaded) => loaded[exportName] as BatchWriter<unknown, unknown>);
    writers.set(key, loading);
  }
  return loading;
};

// Batches arrive from several runners (the group committer, the outbox relay); this chain runs them one at a time.
let queue = Promise.resolve();
type Request =
  { id: number; writer: BatchWriterLocation; inputs: unknown[] } | { preload: BatchWriterLocation } | { close: true };
parentPort!.on('message', (message: Request) => {
  if ('preload' in message) {
    // A failure here shows again, and is reported, on the first batch for that writer.
    writerAt(message.preload).catch(() => writers.delete(`${message.preload.module}#${message.preload.exportName}`));
    return;
  }
  if ('close' in message) {
    queue = queue.then(async () => {
      await storage.close();
      process.exit(0);
    });
    return;
  }
  queue = queue.then(async () => {
    try {
      const write = await writerAt(message.writer);
      const relaxed = message.writer.relaxedDurability === true;
      if (relaxed) await sql`PRAGMA synchronous = NORMAL`.execute(storage.db);
      let outputs: unknown[];
      try {
        outputs = await storage.db.transaction().execute((trx) => write(trx, message.inputs));
      } finally {
        if (relaxed) await sql`PRAGMA synchronous = FULL`.execute(storage.db);
      }
      parentPort!.postMessage({ id: message.id, outputs });
    } catch (error) {
      parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
