import { statusWord, type CaseState } from '@golddesk/contracts';
import { AppError } from '../../platform/http/errors.js';

/** The refusal of a move the case's machine does not allow from where it stands (409, nothing changed). */
export function refusedMove(current: { case_no: string; state: string }, to: CaseState): AppError {
  return new AppError('case_transition_forbidden', {
    caseNo: current.case_no,
    state: statusWord('case', current.state, 'zh-CN'),
    stateEn: statusWord('case', current.state, 'en'),
    to: statusWord('case', to, 'zh-CN'),
    toEn: statusWord('case', to, 'en'),
  });
}

/** A detail a step needs (the parcel of a replacement, the reason of a refusal), in both languages. */
export function detailRequired(what: string, whatEn: string): AppError {
  return new AppError('detail_required', { what, whatEn });
}
