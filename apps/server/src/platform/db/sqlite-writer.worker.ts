// The SQLite writer thread (see sqliteWorkerRunner): one connection, one batch transaction at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWriter, BatchWriterLocation } from './batch-runner.js';
import { openStorage } from './database.js';

const { dataDir, writer } = workerData as { dataDir: string; writer: BatchWriterLocation };
const storage = openStorage({ dataDir });
const write = (await import(writer.module))[writer.exportName] as BatchWriter<unknown, unknown>;

// Batches arrive one at a time from the group committer; this chain keeps them in order regardless.
let queue = Promise.resolve();
parentPort!.on('message', (message: { id: number; inputs: unknown[] } | { close: true }) => {
  if ('close' in message) {
    queue = queue.then(async () => {
      await storage.close();
      process.exit(0);
    });
    return;
  }
  queue = queue.then(async () => {
    try {
      const outputs = await storage.db.transaction().execute((trx) => write(trx, message.inputs));
      parentPort!.postMessage({ id: message.id, outputs });
    } catch (error) {
      parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
