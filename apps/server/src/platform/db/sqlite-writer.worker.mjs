// Worker threads do not inherit the main thread's TypeScript loader on Node 20: register it, then run
// the writer (sqlite-writer.worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./sqlite-writer.worker.ts');
