import { EditOutlined, WarningFilled } from '@ant-design/icons';
import type { QualityMatch } from '@golddesk/contracts';
import { Button } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Fragment, useEffect, useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhrasingHint } from './use-phrasing-hints';
import './phrasing.locales';
import './phrasing.css';

// The box keeps its height; two hints show under it (more scroll), each about this tall.
const HINT_ROW_PX = 46;
const COMPOSER_PX = 170;

/** The composer's height with the hints under its box. */
export function composerStyle(hints: readonly PhrasingHint[]): CSSProperties | undefined {
  return hints.length ? { height: COMPOSER_PX + HINT_ROW_PX * Math.min(hints.length, 2) } : undefined;
}

// What the mirror copies from the textarea so its text lies exactly under the typed text.
const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
] as const;

/**
 * A mirror of the chat box under its (transparent) text: the same words, invisible, with a wavy red line under each
 * hit, so the line sits under what the agent typed. It follows the box's size and scrolling.
 */
export function PhrasingUnderlay({
  input,
  text,
  hits,
}: {
  input: RefObject<TextAreaRef | null>;
  text: string;
  hits: readonly QualityMatch[];
}) {
  const mirror = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const area = input.current?.resizableTextArea?.textArea;
    const box = mirror.current;
    if (!area || !box) return;
    const style = getComputedStyle(area);
    for (const property of MIRRORED) box.style[property] = style[property];
    // The textarea's box less its scrollbar, which the mirror has not (it scrolls along, unseen).
    const px = (value: string) => parseFloat(value) || 0;
    box.style.boxSizing = 'border-box';
    box.style.width = `${area.clientWidth + px(style.borderLeftWidth) + px(style.borderRightWidth)}px`;
    box.style.height = `${area.clientHeight + px(style.borderTopWidth) + px(style.borderBottomWidth)}px`;
    box.scrollTop = area.scrollTop;
  });

  useEffect(() => {
    const area = input.current?.resizableTextArea?.textArea;
    if (!area) return;
    const follow = () => {
      if (mirror.current) mirror.current.scrollTop = area.scrollTop;
    };
    area.addEventListener('scroll', follow);
    return () => area.removeEventListener('scroll', follow);
  }, [input]);

  if (hits.length === 0) return null;
  let at = 0;
  return (
    <div ref={mirror} className="phrasing-underlay" aria-hidden="true" data-testid="phrasing-underlay">
      {hits.map((hit, index) => {
        if (hit.span[0] < at) return null;
        const before = text.slice(at, hit.span[0]);
        at = hit.span[1];
        return (
          <Fragment key={index}>
            {before}
            <mark className="phrasing-underline" data-testid="phrasing-underline">
              {text.slice(...hit.span)}
            </mark>
          </Fragment>
        );
      })}
      {/* why: a final new line needs a character after it to take its height, as the textarea gives it */}
      {`${text.slice(at)}\u200b`}
    </div>
  );
}

/** Under the chat box: why each hit matters and its rewrite, one click to use it; sending stays as it is. */
export function PhrasingHints({
  hints,
  onRewrite,
}: {
  hints: readonly PhrasingHint[];
  onRewrite: (rewritten: PhrasingHint['rewritten']) => void;
}) {
  const { t } = useTranslation();
  if (hints.length === 0) return null;
  return (
    <div className="phrasing-hints" role="status" aria-live="polite" data-testid="phrasing-hints">
      {hints.map((hint) => (
        <div key={hint.key} className="phrasing-hint" data-testid="phrasing-hint" data-rule={hint.rule}>
          <div className="phrasing-hint-message" title={hint.message}>
            <WarningFilled className="phrasing-hint-icon" />
            <span className="phrasing-hint-words">{hint.words.map((words) => `「${words}」`).join('')}</span>
            <span data-testid="phrasing-hint-message">{hint.message}</span>
          </div>
          <div className="phrasing-hint-rewrite">
            <span className="phrasing-hint-label">{t('chat.phrasing.suggestion')}</span>
            <span className="phrasing-hint-suggestion" title={hint.suggestion} data-testid="phrasing-hint-suggestion">
              {hint.suggestion}
            </span>
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              // why: keeps the caret in the box (a click would blur it and close the quick-reply picker)
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onRewrite(hint.rewritten)}
              data-testid="phrasing-hint-rewrite"
            >
              {t('chat.phrasing.rewrite')}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
