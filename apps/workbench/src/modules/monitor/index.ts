// Monitor (实时监控): the managers' live view of queues, agents' load and long waits, with take-over and reassignment.
// The header's button is eager (small); the page is its own chunk.
export { MonitorEntry } from './MonitorEntry';

/** Loads the 实时监控 page as its own chunk (agents who never open it load none of it). */
export const loadMonitorPage = () => import('./MonitorPage');
