import type { Message, QualityHitView } from '@golddesk/contracts';
import { Tag, Tooltip } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerText } from '../../platform/server-text';
import { shortTime, useHitRuleName, WHOLE_REPLY_KINDS } from './quality-view';

/** A message's words with the rules' hits underlined (the words as sent; overlapping hits mark once). */
function MarkedText({ text, hits }: { text: string; hits: QualityHitView[] }) {
  const ruleName = useHitRuleName();
  const marks = hits.filter((hit) => !WHOLE_REPLY_KINDS.includes(hit.kind)).sort((a, b) => a.span[0] - b.span[0]);
  let at = 0;
  return (
    <>
      {marks.map((hit) => {
        if (hit.span[0] < at) return null;
        const before = text.slice(at, hit.span[0]);
        at = hit.span[1];
        return (
          <Fragment key={hit.id}>
            {before}
            <Tooltip title={`${ruleName(hit)} −${hit.points}`}>
              <mark className="quality-mark" data-testid="transcript-mark">
                {text.slice(hit.span[0], hit.span[1])}
              </mark>
            </Tooltip>
          </Fragment>
        );
      })}
      {text.slice(at)}
    </>
  );
}

/** A line's hits once per rule, with how often and the points together. */
function byRule(hits: QualityHitView[]) {
  const rules = new Map<string, { hit: QualityHitView; count: number; points: number }>();
  for (const hit of hits) {
    const seen = rules.get(hit.rule);
    rules.set(hit.rule, { hit, count: (seen?.count ?? 0) + 1, points: (seen?.points ?? 0) + hit.points });
  }
  return [...rules.values()];
}

/** What a card or an image stands for in the transcript. */
function bodyOf(message: Message): string {
  if (message.kind === 'product') return `[${message.product?.title ?? ''}]`;
  if (message.kind === 'order') return `[${message.order?.orderNo ?? ''}]`;
  if (message.kind === 'image') return '[🖼]';
  return message.body;
}

/** A session's chat: buyer on the left, agents on the right, system lines in the middle; each rule's hit marked. */
export function Transcript({ messages, hits }: { messages: Message[]; hits: QualityHitView[] }) {
  const { t } = useTranslation();
  const serverText = useServerText();
  const ruleName = useHitRuleName();
  return (
    <div className="quality-transcript" data-testid="quality-transcript">
      {messages.map((message) => {
        const own = hits.filter((hit) => hit.messageId === message.id);
        if (message.sender === 'system') {
          return (
            <div key={message.id} className="quality-line quality-line-system">
              {serverText(message.body, message.notice)} · {shortTime(message.createdAt)}
            </div>
          );
        }
        const side = message.sender === 'agent' ? 'agent' : 'buyer';
        const who = message.sender === 'agent' ? (message.agent?.name ?? '') : t(`qualityPage.sender.${message.sender}`);
        return (
          <div key={message.id} className={`quality-line quality-line-${side}`} data-testid={`transcript-${message.sender}`}>
            <div className="quality-line-meta">
              {who} · {shortTime(message.createdAt)}
            </div>
            <div className={`quality-bubble${own.length ? ' quality-bubble-hit' : ''}`}>
              {message.kind === 'text' ? <MarkedText text={message.body} hits={own} /> : bodyOf(message)}
            </div>
            {own.length > 0 && (
              <div className="quality-line-hits">
                {byRule(own).map(({ hit, count, points }) => (
                  <Tag key={hit.rule} color="red" data-testid="transcript-hit">
                    {ruleName(hit)}
                    {count > 1 ? ` ×${count}` : ''} {t('qualityPage.hitPoints', { points })}
                  </Tag>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
