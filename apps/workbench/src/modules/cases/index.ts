// Cases: after-sales (售后) cases — the right pane's block, the case view beside the chat, live updates and reminders,
// the 售后 page (loaded lazily) and the 售后政策 settings section (loaded lazily).
export { CaseOverlay } from './CaseOverlay';
export { CaseSection, NewCaseButton } from './CaseSection';
export { closeCaseView, openCaseView, putCases, resetCases } from './case.store';
export { announceCaseReminder } from './case-reminders';

/** Loads the 售后 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadCasesPage = () => import('./CasesPage');

/** Loads 设置 → 售后政策 as its own chunk. */
export const loadAftersalePolicySection = () => import('./policy/AftersalePolicySection');
