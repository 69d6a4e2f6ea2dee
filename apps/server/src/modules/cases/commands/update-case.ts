import { can } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { findAgent } from '../../auth/index.js';
import { applyCaseChange, caseActorOf, type TimelineDraft } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { refusedMove } from '../case-errors.js';
import { isFinalCaseState } from '../case.state-machine.js';

export interface UpdateCaseProps {
  caseId: string;
  /** Who works the case; null returns it to the team. Taking it oneself is anyone's; giving it to others, managers'. */
  assigneeId?: string | null;
  /** Where this case's goods go back (default: the policy's return address). */
  returnAddress?: string | null;
  /** An internal note on the timeline (buyers never see it). */
  note?: string;
}

/** Assigns a case, sets its return address, or notes something on its timeline. */
export function updateCase(ctx: CommandContext<AgentPrincipal>, props: UpdateCaseProps): Promise<CaseOutcome> {
  const { actor } = ctx;
  // Working with cases at all (a note, taking one) is for those who open them; the rest is checked per change below.
  if (!can(actor, 'cases.open')) throw new AppError('forbidden');
  return runCaseCommand(ctx, {
    action: 'update',
    caseId: props.caseId,
    props: {},
    work: async (inner, record) => {
      const { row } = record;
      const set: { assignee_id?: string | null; assignee_name?: string | null; return_address?: string | null } = {};
      const entries: TimelineDraft[] = [];
      if (props.assigneeId !== undefined && props.assigneeId !== row.assignee_id) {
        if (isFinalCaseState(row.state)) throw refusedMove(row, row.state as never);
        const toSelf = props.assigneeId === actor.agentId;
        if (!(toSelf ? can(actor, 'cases.open') : can(actor, 'cases.assign_others'))) throw new AppError('forbidden');
        const agent = props.assigneeId ? await findAgent(inner.transaction.trx, actor.shopId, props.assigneeId) : undefined;
        if (props.assigneeId && (!agent || agent.disabled_at)) throw new AppError('not_found', { thing: 'agent' });
        set.assignee_id = agent?.id ?? null;
        set.assignee_name = agent?.name ?? null;
        entries.push({ kind: 'assigned', data: { assigneeId: set.assignee_id, assigneeName: set.assignee_name } });
      }
      if (props.returnAddress !== undefined) {
        if (!can(actor, 'cases.work')) throw new AppError('forbidden');
        set.return_address = props.returnAddress?.trim() || null;
        entries.push({ kind: 'return_address_set', data: { returnAddress: set.return_address } });
      }
      if (props.note?.trim()) entries.push({ kind: 'note', note: props.note.trim() });
      if (entries.length === 0) return;
      await applyCaseChange(inner, row, caseActorOf(actor), {
        set,
        entries,
        audit:
          set.assignee_id !== undefined
            ? { action: 'case.assigned', before: { assigneeId: row.assignee_id }, after: { assigneeId: set.assignee_id } }
            : undefined,
      });
    },
  });
}
