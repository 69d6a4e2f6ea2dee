import { SmileOutlined } from '@ant-design/icons';
import { insertAtCaret, SERVICE_EMOJI } from '@golddesk/contracts/emoji';
import { Button, Popover, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import './emoji-picker.css';
import './emoji.locales';

interface EmojiPickerProps {
  /** The composer's textarea: the emoji goes in at its caret, replacing a selection. */
  input: RefObject<TextAreaRef | null>;
  /** Called with the composer's whole text after the insert. */
  onInsert: (value: string) => void;
}

const COLUMNS = 8;
const STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -COLUMNS, ArrowDown: COLUMNS };

/** 表情 in the composer toolbar: a grid of emoji; a pick goes in at the caret; arrows move, Esc closes. */
export function EmojiPicker({ input, onInsert }: EmojiPickerProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const grid = useRef<HTMLDivElement>(null);
  const english = i18n.language === 'en';

  const textArea = () => input.current?.resizableTextArea?.textArea;
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => textArea()?.focus());
  };

  useEffect(() => {
    if (!open) return;
    // Keyboard users land on the first emoji; Esc closes wherever the focus is (the popover is in a portal).
    requestAnimationFrame(() => grid.current?.querySelector<HTMLButtonElement>('button')?.focus());
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open]);

  function pick(emoji: string) {
    const area = textArea();
    if (!area) return;
    const { value, caret } = insertAtCaret(area.value, emoji, area.selectionStart, area.selectionEnd);
    onInsert(value);
    setOpen(false);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(caret, caret);
    });
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = STEP[event.key];
    if (!step) return;
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
    event.preventDefault();
    next?.focus();
  }

  const content = (
    <div className="emoji-picker" data-testid="chat-emoji-picker">
      <div ref={grid} className="emoji-picker-grid" role="grid" aria-label={t('chat.emoji.title')} onKeyDown={onGridKeyDown}>
        {SERVICE_EMOJI.map((emoji) => (
          <button
            key={emoji.char}
            type="button"
            className="emoji-picker-item"
            title={english ? emoji.en : emoji.zh}
            aria-label={english ? emoji.en : emoji.zh}
            data-testid="chat-emoji-option"
            data-emoji={emoji.char}
            onClick={() => pick(emoji.char)}
          >
            {emoji.char}
          </button>
        ))}
      </div>
      <div className="emoji-picker-hint">{t('chat.emoji.hint')}</div>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="topLeft"
      arrow={false}
      content={content}
      title={t('chat.emoji.title')}
    >
      <Tooltip title={open ? null : t('chat.emoji.button')}>
        <Button
          type="text"
          icon={<SmileOutlined />}
          aria-label={t('chat.emoji.button')}
          aria-expanded={open}
          data-testid="chat-emoji-button"
        />
      </Tooltip>
    </Popover>
  );
}
