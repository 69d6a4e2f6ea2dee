import type { GuideStep } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { applyCaseChange, caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';

export interface MarkGuideStepProps {
  caseId: string;
  /** 安抚 → 查明原因 → 表明立场 → 全力解决 → 真诚道歉 → 感谢理解. */
  step: GuideStep;
  done: boolean;
}

/** Ticks (or unticks) a step of the complaint guide; the case records which steps were done and when. */
export function markGuideStep(ctx: CommandContext<AgentPrincipal>, props: MarkGuideStepProps): Promise<CaseOutcome> {
  // The guide is for whoever handles complaints (those who open cases).
  requireCapability(ctx.actor, 'cases.open');
  return runCaseCommand(ctx, {
    action: 'guide',
    caseId: props.caseId,
    props: {},
    work: async (inner, record) => {
      const { row } = record;
      const done = JSON.parse(row.guide_json) as Record<string, string>;
      if (Boolean(done[props.step]) === props.done) return;
      if (props.done) done[props.step] = inner.app.now().toISOString();
      else delete done[props.step];
      await applyCaseChange(inner, row, caseActorOf(ctx.actor), {
        set: { guide_json: JSON.stringify(done) },
        entries: [{ kind: props.done ? 'guide_step_done' : 'guide_step_undone', data: { step: props.step } }],
      });
    },
  });
}
