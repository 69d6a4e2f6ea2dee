/** What a workbench shortcut does. */
export type ShortcutAction = 'nextWaiting' | 'previousWaiting' | 'nextUnread' | 'take' | 'close';

interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.code: the physical key, the same whatever the layout or IME makes of it. */
  code: string;
  /** The key after the modifier, as the overlay and tooltips print it. */
  key: string;
}

/**
 * Alt + a key: Chinese IMEs take plain letters, Shift (switching 中/英) and Ctrl+Space, and the browser keeps Ctrl+N/T/W,
 * while Alt combinations reach the page (on macOS: ⌥, read by its physical key). Typing is never affected.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextWaiting', code: 'ArrowDown', key: '↓' },
  { action: 'previousWaiting', code: 'ArrowUp', key: '↑' },
  { action: 'nextUnread', code: 'KeyN', key: 'N' },
  { action: 'take', code: 'KeyA', key: 'A' },
  { action: 'close', code: 'KeyE', key: 'E' },
];

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The modifier's name on this machine. */
export const MODIFIER = IS_MAC ? '⌥' : 'Alt';

/** "Alt+A" for a tooltip. */
export function shortcutLabel(action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action)!;
  return `${MODIFIER}+${shortcut.key}`;
}

/** The shortcut a key press means, or null (an IME composing, other modifiers held, AltGr on European layouts). */
export function matchShortcut(event: KeyboardEvent): ShortcutAction | null {
  if (event.isComposing || event.keyCode === 229) return null;
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return SHORTCUTS.find((s) => s.code === event.code)?.action ?? null;
}

/** Whether the key press is "?" typed outside any text field (inside one it is just a question mark). */
export function isHelpKey(event: KeyboardEvent): boolean {
  if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  return !isEditable(event.target);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}
