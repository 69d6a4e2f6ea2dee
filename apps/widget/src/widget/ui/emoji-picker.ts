import { insertAtCaret, SERVICE_EMOJI } from '@golddesk/contracts/emoji';
import { h } from '../../shared/dom.js';
import { EMOJI_ICON, icon } from './icons.js';

/**
 * 表情: a button beside the input and a small grid above the composer. A pick goes in at the caret (replacing a
 * selection) and the grid stays open for the next one, as phone chat apps do; Esc, the button again, a tap
 * outside or sending closes it.
 */
export class EmojiPicker {
  readonly button: HTMLButtonElement;
  readonly grid: HTMLElement;
  readonly #input: HTMLTextAreaElement;
  readonly #onInput: () => void;

  /** @param onInput called after an insert, as typing would (typing signal) */
  constructor(input: HTMLTextAreaElement, onInput: () => void) {
    this.#input = input;
    this.#onInput = onInput;
    this.button = h(
      'button',
      {
        class: 'gd-tool',
        testid: 'gd-emoji',
        attrs: { type: 'button', title: '表情', 'aria-label': '表情', 'aria-expanded': 'false', 'aria-haspopup': 'true' },
        on: { click: () => this.setOpen(this.grid.hidden) },
      },
      [icon(EMOJI_ICON)],
    );
    this.grid = h(
      'div',
      { class: 'gd-emoji-grid', testid: 'gd-emoji-grid', attrs: { role: 'dialog', 'aria-label': '选择表情', hidden: true } },
      SERVICE_EMOJI.map((emoji) =>
        h('button', {
          class: 'gd-emoji',
          text: emoji.char,
          testid: 'gd-emoji-option',
          attrs: { type: 'button', title: emoji.zh, 'aria-label': emoji.zh, 'data-emoji': emoji.char },
          // Keep the textarea's focus and caret (and a phone's keyboard as it is) while picking.
          on: { mousedown: (event) => event.preventDefault(), click: () => this.#insert(emoji.char) },
        }),
      ),
    );
    this.grid.addEventListener('keydown', (event) => this.#onKeyDown(event));
    input.addEventListener('keydown', (event) => this.#onKeyDown(event));
    document.addEventListener('pointerdown', (event) => {
      if (this.grid.hidden) return;
      const path = event.composedPath();
      if (!path.includes(this.grid) && !path.includes(this.button)) this.setOpen(false);
    });
  }

  get open(): boolean {
    return !this.grid.hidden;
  }

  setOpen(open: boolean): void {
    this.grid.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    this.button.classList.toggle('gd-tool--on', open);
  }

  #insert(emoji: string): void {
    const input = this.#input;
    const { value, caret } = insertAtCaret(
      input.value,
      emoji,
      input.selectionStart ?? input.value.length,
      input.selectionEnd ?? undefined,
    );
    input.value = value;
    input.setSelectionRange(caret, caret);
    this.#onInput();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.grid.hidden) return;
    event.preventDefault();
    event.stopPropagation();
    this.setOpen(false);
    this.#input.focus();
  }
}
