import { h } from '../../shared/dom.js';
import type { MessageStore } from '../message-store.js';
import { formatTime, messageRow, pendingRow, updateRowStatus, type MessageViewContext } from './message-view.js';

const TIME_GAP_MS = 5 * 60_000;

/** A row that is not a message (the rating card), placed among the messages by its time. */
export interface ExtraRow {
  key: string;
  /** ISO time: the row goes after the messages sent before it. */
  at: string;
  element: HTMLElement;
}

/** The scrolling message list; rows are keyed so images are not re-created on every change. */
export class MessageList {
  readonly element: HTMLElement;
  readonly #items: HTMLElement;
  readonly #loadMore: HTMLButtonElement;
  readonly #empty: HTMLElement;
  #rows = new Map<string, HTMLElement>();
  /** Last known "looking at the newest messages", so a resize (banner, typing hint, keyboard) keeps it. */
  #pinned = true;
  #extras: () => ExtraRow[] = () => [];

  readonly #store: MessageStore;
  readonly #context: MessageViewContext;

  constructor(store: MessageStore, context: MessageViewContext, onLoadMore: () => void) {
    this.#store = store;
    this.#context = context;
    this.#loadMore = h('button', {
      class: 'gd-load-more',
      text: '查看更多历史消息',
      attrs: { type: 'button', hidden: true },
      on: { click: onLoadMore },
    });
    this.#empty = h('div', { class: 'gd-empty', text: '亲，欢迎光临！有什么可以帮您的吗？' });
    this.#items = h('div', { class: 'gd-items' });
    this.element = h('div', { class: 'gd-list', attrs: { role: 'log', 'aria-live': 'polite' } }, [
      this.#loadMore,
      this.#empty,
      this.#items,
    ]);
    this.element.addEventListener('scroll', () => (this.#pinned = this.atBottom()), { passive: true });
    new ResizeObserver(() => this.keepPinned()).observe(this.element);
  }

  /** Where the rows that are not messages come from (read on every render). */
  setExtras(provider: () => ExtraRow[]): void {
    this.#extras = provider;
  }

  /** The buyer is looking at the newest messages. */
  atBottom(): boolean {
    const el = this.element;
    return el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  }

  /** Content grew (an image loaded): stay at the bottom if the buyer was there. */
  keepPinned(): void {
    if (this.#pinned) this.scrollToBottom();
  }

  scrollToBottom(): void {
    this.element.scrollTop = this.element.scrollHeight;
    this.#pinned = true;
  }

  /** Re-renders from the store, keeping the scroll position sensible. */
  render(): void {
    const el = this.element;
    const stick = this.#pinned || this.atBottom();
    const oldHeight = el.scrollHeight;
    const oldTop = el.scrollTop;
    const firstBefore = this.#items.firstElementChild;

    this.#context.agentReadSeq = this.#store.agentReadSeq;
    const next = new Map<string, HTMLElement>();
    const ordered: HTMLElement[] = [];
    let previousTime = 0;
    const extras = [...this.#extras()].sort((a, b) => a.at.localeCompare(b.at));
    const placeExtras = (before: string | null) => {
      while (extras.length > 0 && (before === null || extras[0]!.at < before)) {
        const extra = extras.shift()!;
        next.set(`x${extra.key}`, extra.element);
        ordered.push(extra.element);
      }
    };
    for (const message of this.#store.messages) {
      placeExtras(message.createdAt);
      const time = Date.parse(message.createdAt);
      if (time - previousTime > TIME_GAP_MS) {
        const key = `t${message.id}`;
        const row = this.#rows.get(key) ?? h('div', { class: 'gd-time', text: formatTime(message.createdAt) });
        next.set(key, row);
        ordered.push(row);
      }
      previousTime = time;
      // Keyed by id, not seq: after a sign-in or logout the same seq is another conversation's message.
      const key = `m${message.id}`;
      const row = this.#rows.get(key) ?? messageRow(message, this.#context);
      if (message.sender === 'buyer') updateRowStatus(row, message.seq, this.#store.agentReadSeq);
      next.set(key, row);
      ordered.push(row);
    }
    placeExtras(null);
    for (const pending of this.#store.pending) {
      const key = `p${pending.clientMsgId}:${pending.status}`;
      const row = this.#rows.get(key) ?? pendingRow(pending, this.#context);
      next.set(key, row);
      ordered.push(row);
    }
    // Put rows in order, touching the DOM only where it differs.
    let cursor = this.#items.firstElementChild;
    for (const row of ordered) {
      if (cursor === row) cursor = cursor.nextElementSibling;
      else this.#items.insertBefore(row, cursor);
    }
    while (cursor) {
      const after = cursor.nextElementSibling;
      cursor.remove();
      cursor = after;
    }
    this.#rows = next;

    this.#empty.hidden = ordered.length > 0;
    this.#loadMore.hidden = !this.#store.hasMoreBefore;
    if (stick) this.scrollToBottom();
    else if (firstBefore && this.#items.firstElementChild !== firstBefore) el.scrollTop = oldTop + (el.scrollHeight - oldHeight);
  }
}
