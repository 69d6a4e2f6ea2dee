// Quick replies: the composer's / picker and phrase panel, and their administration (a section of the 自动化 page).
export { UnfilledVariablesNotice, useUnfilledVariablesGuard } from './UnfilledVariablesNotice';
export { QuickPhrasePanelToggle } from './panel/QuickPhrasePanel';
export { QuickReplyPicker } from './picker/QuickReplyPicker';
export { useQuickReplyPicker, type QuickReplyPick } from './picker/use-quick-reply-picker';

/**
 * Loads the 快捷短语 admin section (a section of the 自动化 page) as its own chunk: the composer's picker, loaded with
 * the workbench, goes without the section's table, editor and import dialog.
 */
export const loadQuickRepliesSection = () => import('./QuickRepliesSection');
