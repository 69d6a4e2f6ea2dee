import { CloseOutlined, PictureOutlined, SendOutlined } from '@ant-design/icons';
import { insertAtCaret } from '@golddesk/contracts/emoji';
import { Button, Input, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useComposerInsert } from '../../platform/composer-insert';
import { sendTyping } from '../../platform/realtime';
import { IMAGE_TYPES, imageProblem, sendMessage } from '../conversations';
import { getDraft, setDraft } from './drafts';
import { composerStyle, PhrasingHints, PhrasingUnderlay } from './PhrasingHints';
import { usePhrasingHints } from './use-phrasing-hints';
import { EmojiPicker } from './emoji/EmojiPicker';
import { SizeStockTool } from './size-stock/SizeStockTool';
import {
  QuickReplyPicker,
  useQuickReplyPicker,
  type QuickReplyPick,
  QuickPhrasePanelToggle,
  UnfilledVariablesNotice,
  useUnfilledVariablesGuard,
} from '../quick-replies';

interface ComposerProps {
  conversationId: string;
  onError: (message: string) => void;
}

// Tell the buyer "typing" at most this often, and "stopped" after this much quiet.
const TYPING_THROTTLE_MS = 3000;
const TYPING_IDLE_MS = 4000;

/** The input area. Mount it with key={conversationId}: each conversation keeps its own draft. */
export function Composer({ conversationId, onError }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => getDraft(conversationId));
  const fileInput = useRef<HTMLInputElement>(null);
  const input = useRef<TextAreaRef>(null);
  // A quick reply's image waits here and goes out right after the text is sent (the agent may remove it).
  const [queuedImage, setQueuedImage] = useState<{ id: string; url: string } | null>(null);
  const picker = useQuickReplyPicker(conversationId, insertPhrase);
  const unfilled = useUnfilledVariablesGuard();
  // 质检 as the agent types: hits underlined in the box, hints with a rewrite under it; sending is never blocked.
  const phrasing = usePhrasingHints(text);
  const lastTypingSent = useRef(0);
  const idleTimer = useRef<number | undefined>(undefined);

  function stopTyping() {
    window.clearTimeout(idleTimer.current);
    if (lastTypingSent.current) sendTyping(conversationId, false);
    lastTypingSent.current = 0;
  }

  // Leaving the conversation (unmount) ends our "typing" state for that buyer.
  const stopTypingRef = useRef(stopTyping);
  stopTypingRef.current = stopTyping;
  useEffect(() => () => stopTypingRef.current(), []);

  // A phrase picked outside the composer (the case view's complaint guide) goes in at the caret, as a quick reply does.
  useComposerInsert(conversationId, (phrase) => {
    const area = input.current?.resizableTextArea?.textArea;
    const current = area?.value ?? text;
    const { value, caret } = insertAtCaret(current, phrase, area?.selectionStart ?? current.length, area?.selectionEnd);
    insertPhrase({ text: value, caret, selectionEnd: caret });
  });

  function insertPhrase(pick: Omit<QuickReplyPick, 'phrase'> & { phrase?: QuickReplyPick['phrase'] }) {
    onChange(pick.text);
    if (pick.phrase?.imageAttachmentId && pick.phrase.imageUrl)
      setQueuedImage({ id: pick.phrase.imageAttachmentId, url: pick.phrase.imageUrl });
    requestAnimationFrame(() => {
      const area = input.current?.resizableTextArea?.textArea;
      area?.focus();
      area?.setSelectionRange(pick.caret, pick.selectionEnd);
    });
  }

  function onChange(value: string, caret?: number) {
    if (caret !== undefined) picker.update(value, caret);
    setText(value);
    setDraft(conversationId, value);
    if (!value) return stopTyping();
    const now = Date.now();
    if (now - lastTypingSent.current > TYPING_THROTTLE_MS) {
      sendTyping(conversationId, true);
      lastTypingSent.current = now;
    }
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function send() {
    const body = text.trim();
    if (!body && !queuedImage) return;
    if (unfilled.blocks(text, input.current?.resizableTextArea?.textArea)) return;
    if (body) sendMessage(conversationId, { kind: 'text', body: text });
    if (queuedImage)
      sendMessage(conversationId, { kind: 'image', body: '', attachmentId: queuedImage.id, previewUrl: queuedImage.url });
    setQueuedImage(null);
    picker.close();
    setText('');
    setDraft(conversationId, '');
    stopTyping();
  }

  function sendImage(file: File) {
    const problem = imageProblem(file);
    if (problem) return onError(t(problem));
    sendMessage(conversationId, { kind: 'image', body: '', file });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(event)) return;
    // Enter while an IME (pinyin) is composing picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.items]
      .filter((item) => item.kind === 'file' && item.type.startsWith('image/'))
      .map((item) => item.getAsFile())
      .filter((file): file is File => file !== null);
    if (files.length === 0) return; // plain text paste: let the textarea handle it
    event.preventDefault();
    files.forEach(sendImage);
  }

  return (
    <div className="composer" style={composerStyle(phrasing.hints)}>
      <div className="composer-toolbar">
        <EmojiPicker input={input} onInsert={(value) => onChange(value)} />
        <Tooltip title={t('chat.image')}>
          <Button
            type="text"
            icon={<PictureOutlined />}
            onClick={() => fileInput.current?.click()}
            data-testid="chat-image-button"
          />
        </Tooltip>
        <QuickPhrasePanelToggle
          conversationId={conversationId}
          onPick={(phrase) => void picker.insertAtCaret(phrase, input.current?.resizableTextArea?.textArea)}
        />
        <SizeStockTool conversationId={conversationId} input={input} onInsert={(value) => onChange(value)} />
        <input
          ref={fileInput}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          hidden
          data-testid="chat-image-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) sendImage(file);
            event.target.value = ''; // allow picking the same file again
          }}
        />
        {queuedImage && (
          <span className="composer-queued-image" data-testid="chat-queued-image">
            <img src={queuedImage.url} alt="" />
            {t('quickReplies.picker.imageQueued')}
            <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => setQueuedImage(null)} aria-label="remove" />
          </span>
        )}
      </div>
      <QuickReplyPicker picker={picker} />
      <UnfilledVariablesNotice guard={unfilled} text={text} />
      <div className="composer-input-wrap">
        <Input.TextArea
          ref={input}
          className="composer-input"
          value={text}
          onChange={(event) => onChange(event.target.value, event.target.selectionStart)}
          onBlur={() => picker.close()}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder={t('quickReplies.composerPlaceholder')}
          variant="borderless"
          autoFocus
          data-testid="chat-input"
        />
        {/* why: after the box, so the box's ref is in place when the mirror measures it */}
        <PhrasingUnderlay input={input} text={text} hits={phrasing.hits} />
      </div>
      <PhrasingHints
        hints={phrasing.hints}
        onRewrite={(rewritten) => insertPhrase({ ...rewritten, selectionEnd: rewritten.caret })}
      />
      <div className="composer-actions">
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={send}
          disabled={!text.trim() && !queuedImage}
          data-testid="chat-send"
        >
          {t('chat.send')}
        </Button>
      </div>
    </div>
  );
}
