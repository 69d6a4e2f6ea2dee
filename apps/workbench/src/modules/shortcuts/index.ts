// Shortcuts: the workbench's keyboard shortcuts and their help.
export { ShortcutHelp, ShortcutHelpButton, ShortcutHint } from './ShortcutHelp';
export { shortcutLabel } from './shortcut-keys';
export { useWorkbenchShortcuts } from './use-workbench-shortcuts';
