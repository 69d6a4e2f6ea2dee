import type { CompleteTaskRequest, TaskKind, TaskView } from '@golddesk/contracts';
import type { z } from 'zod';
import type { AppContext, CommandContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';

/**
 * Tasks another module keeps in its own table (the 催付 calls of payment reminders) but that belong in the same inbox.
 * The module sits above this one, so it provides the steps at start-up instead of being imported here.
 */
export interface TaskSource {
  kind: TaskKind;
  /** Its tasks as the agent's inbox (mine) or the shop's list (all) shows them. */
  list(app: AppContext, agent: AgentPrincipal, filter: { scope: 'mine' | 'all'; status?: string }): Promise<TaskView[]>;
  /** Completes one of its tasks; undefined when the id is not one of its own. */
  complete(
    ctx: CommandContext<AgentPrincipal>,
    taskId: string,
    props: z.infer<typeof CompleteTaskRequest>,
  ): Promise<TaskView | undefined>;
}

const sources = new WeakMap<AppContext, TaskSource[]>();

/** Registers a source of tasks for the inbox (app.ts, at start-up). */
export function provideTaskSource(app: AppContext, source: TaskSource): void {
  sources.set(app, [...(sources.get(app) ?? []), source]);
}

export function taskSourcesOf(app: AppContext): TaskSource[] {
  return sources.get(app) ?? [];
}
