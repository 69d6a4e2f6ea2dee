import type { MonitorAgent, MonitorBuyer, MonitorResponse } from '@golddesk/contracts';

/** How a wait looks: normal, red (past the reassignment limit, the agent was nudged), alert (the managers were). */
export type WaitLevel = 'normal' | 'red' | 'alert';

/** One waiting buyer of the monitor's table: queued in a group, or assigned and not answered yet. */
export interface WaitingRow {
  buyer: MonitorBuyer;
  /** The group whose queue holds them (null: assigned, see `assignee`). */
  queueGroup: { key: string; name: string } | null;
  /** The agent serving them without an answer yet (null: queued). */
  assignee: MonitorAgent | null;
}

/** Whole seconds `waitingSince` has waited at `serverNow` (the server's clock, in ms). */
export function waitSeconds(waitingSince: string, serverNow: number): number {
  return Math.max(0, Math.floor((serverNow - Date.parse(waitingSince)) / 1000));
}

/** The level of a wait of `seconds` under the snapshot's limits. */
export function waitLevel(seconds: number, limits: Pick<MonitorResponse, 'redAfterSeconds' | 'alertAfterSeconds'>): WaitLevel {
  if (seconds >= limits.alertAfterSeconds) return 'alert';
  if (seconds >= limits.redAfterSeconds) return 'red';
  return 'normal';
}

/** Every waiting buyer of the snapshot (all queues and every agent's unanswered buyers), longest wait first. */
export function waitingRows(snapshot: MonitorResponse): WaitingRow[] {
  const rows: WaitingRow[] = [];
  for (const group of snapshot.groups) {
    for (const buyer of group.queue) rows.push({ buyer, queueGroup: { key: group.key, name: group.name }, assignee: null });
  }
  for (const agent of snapshot.agents) {
    for (const buyer of agent.unanswered) rows.push({ buyer, queueGroup: null, assignee: agent });
  }
  // The same instant sorts the same way on every refetch (by conversation id), so rows do not swap places.
  return rows.sort(
    (a, b) =>
      Date.parse(a.buyer.waitingSince) - Date.parse(b.buyer.waitingSince) ||
      a.buyer.conversationId.localeCompare(b.buyer.conversationId),
  );
}

/** The longest-waiting buyer of a list ordered longest first (a group's queue, an agent's unanswered), or null. */
export function oldest(buyers: MonitorBuyer[]): MonitorBuyer | null {
  return buyers[0] ?? null;
}

/** "01:42", or "1:02:05" past an hour. */
export function formatWait(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const STATUS_ORDER = { online: 0, busy: 1, offline: 2 } as const;

/** Agents as a manager scans them: online first, then busy, then offline; the fullest first within each. */
export function sortedAgents(agents: MonitorAgent[]): MonitorAgent[] {
  return [...agents].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.load / Math.max(1, b.capacity) - a.load / Math.max(1, a.capacity) ||
      a.name.localeCompare(b.name),
  );
}
