// Automation: the 自动化 admin page, which gathers the tools of other modules as sections.

import { loadQuickRepliesSection } from '../quick-replies';

/**
 * Loads the 自动化 page as its own chunk (the workbench an agent opens all day loads without it), together with its
 * first section's chunk, which the quick-replies module keeps apart from the composer's picker.
 */
export const loadAutomationPage = () =>
  Promise.all([import('./AutomationPage'), loadQuickRepliesSection()]).then(([page]) => page);
