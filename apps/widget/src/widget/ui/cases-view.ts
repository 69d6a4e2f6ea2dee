import { h } from '../../shared/dom.js';
import { ApiError } from '../api-client.js';
import type { CasesApi } from '../cases-api.js';
import type { WidgetLanguage } from '../language.js';
import type { BuyerCaseView } from '../types.js';
import { caseCard, type CaseCardContext } from './case-card.js';
import { caseWords, type Translate } from './cases.locales.js';
import { MAX_EVIDENCE_BYTES, type UploadState } from './evidence-checklist.js';
import { returnTrackingForm } from './return-tracking-form.js';

/** What the cases view needs from the widget. */
export interface CasesViewOptions {
  api: CasesApi;
  language: WidgetLanguage;
  /** Server origin, for photo URLs. */
  base: string;
  /** 返回聊天. */
  onBack: () => void;
  /** A short message for the buyer (the panel's toast). */
  onToast: (text: string) => void;
}

/**
 * 我的售后: the verified buyer's after-sales cases, kept current by `case.updated` frames. Upload states and
 * half-typed return forms live here, outside the cards, since a card is drawn again whenever its case changes.
 */
export class CasesView {
  readonly element: HTMLElement;
  readonly #body: HTMLElement;
  readonly #options: CasesViewOptions;
  readonly #t: Translate;
  #cases: BuyerCaseView[] = [];
  #loaded = false;
  #loading = 0;
  readonly #uploads = new Map<string, UploadState>();
  readonly #returnForms = new Map<string, HTMLElement>();
  readonly #withdrawing = new Set<string>();
  readonly #context: CaseCardContext;

  constructor(options: CasesViewOptions) {
    this.#options = options;
    this.#t = caseWords(options.language);
    this.#context = {
      language: options.language,
      base: options.base,
      uploads: this.#uploads,
      withdrawing: this.#withdrawing,
      onPick: (caseId, item, file) => void this.#upload(caseId, item, file),
      returnForm: (c) => this.#returnForm(c),
      onWithdraw: (c) => void this.#withdraw(c),
    };
    this.#body = h('div', { class: 'gd-orders-body gd-cases-body' });
    this.element = h(
      'section',
      { class: 'gd-orders gd-cases', testid: 'gd-cases', attrs: { hidden: true, 'aria-label': this.#t('casesTitle') } },
      [
        h('div', { class: 'gd-orders-head' }, [
          h('button', {
            class: 'gd-orders-back',
            text: this.#t('backToChat'),
            testid: 'gd-cases-back',
            attrs: { type: 'button' },
            on: { click: options.onBack },
          }),
          h('span', { class: 'gd-orders-title', text: this.#t('casesTitle') }),
        ]),
        this.#body,
      ],
    );
  }

  /** Loads the list afresh (the first time the buyer opens it, and at each later opening). */
  async reload(): Promise<void> {
    const ticket = ++this.#loading;
    if (!this.#loaded) this.#body.replaceChildren(h('div', { class: 'gd-empty', text: this.#t('loading') }));
    let cases: BuyerCaseView[];
    try {
      cases = await this.#options.api.list();
    } catch {
      if (ticket !== this.#loading || this.#loaded) return;
      this.#body.replaceChildren(
        h('div', { class: 'gd-empty' }, [
          this.#t('loadFailed'),
          h('button', {
            class: 'gd-link',
            text: this.#t('retry'),
            attrs: { type: 'button' },
            on: { click: () => void this.reload() },
          }),
        ]),
      );
      return;
    }
    if (ticket !== this.#loading) return;
    this.#cases = cases;
    this.#loaded = true;
    this.#render();
  }

  /** A case opened or changed (the buyer's own action, or a `case.updated` frame): its card is drawn again. */
  upsert(updated: BuyerCaseView): void {
    const index = this.#cases.findIndex((c) => c.id === updated.id);
    if (index >= 0) {
      // Frames and answers may cross: an older view of the case never replaces a newer one.
      if (Date.parse(this.#cases[index]!.updatedAt) > Date.parse(updated.updatedAt)) return;
      this.#cases[index] = updated;
    } else {
      this.#cases.unshift(updated);
    }
    if (updated.state !== 'awaiting_return') this.#returnForms.delete(updated.id);
    if (!this.#loaded) return; // drawn with the rest when the list first loads
    const current = this.#body.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(updated.id)}"]`);
    if (current) current.replaceWith(caseCard(updated, this.#context));
    else this.#render();
  }

  /** Forgets the previous buyer's cases (identify, logout). */
  clear(): void {
    this.#loading += 1;
    this.#cases = [];
    this.#loaded = false;
    this.#uploads.clear();
    this.#returnForms.clear();
    this.#withdrawing.clear();
    this.#body.replaceChildren();
  }

  /** Scrolls a case into view (after it was opened from 我的订单). */
  reveal(caseId: string): void {
    this.#body.querySelector(`[data-case-id="${CSS.escape(caseId)}"]`)?.scrollIntoView({ block: 'start' });
  }

  #render(): void {
    this.#body.replaceChildren(
      ...(this.#cases.length
        ? this.#cases.map((c) => caseCard(c, this.#context))
        : [h('div', { class: 'gd-empty', testid: 'gd-cases-empty', text: this.#t('empty') })]),
    );
  }

  #redraw(caseId: string): void {
    const c = this.#cases.find((x) => x.id === caseId);
    if (c) this.upsert({ ...c });
  }

  /** The buyer's words for a failure: the server's message, or "no connection". */
  #messageOf(failure: unknown): string {
    return failure instanceof ApiError && failure.status !== 0 ? failure.message : this.#t('networkError');
  }

  async #upload(caseId: string, item: string, file: File): Promise<void> {
    const key = `${caseId}:${item}`;
    if (this.#uploads.get(key)?.status === 'uploading') return;
    if (file.size > MAX_EVIDENCE_BYTES) {
      this.#uploads.set(key, { status: 'failed', message: this.#t('uploadTooLarge') });
      return this.#redraw(caseId);
    }
    this.#uploads.set(key, { status: 'uploading' });
    this.#redraw(caseId);
    try {
      const updated = await this.#options.api.addEvidence(caseId, item, file);
      this.#uploads.delete(key);
      this.upsert(updated);
    } catch (failure) {
      this.#uploads.set(key, { status: 'failed', message: this.#messageOf(failure) });
      this.#redraw(caseId);
    }
  }

  #returnForm(c: BuyerCaseView): HTMLElement {
    let form = this.#returnForms.get(c.id);
    if (!form) {
      form = returnTrackingForm(this.#options.language, async (carrier, trackingNo) => {
        this.upsert(await this.#options.api.sendReturnTracking(c.id, carrier, trackingNo));
      });
      this.#returnForms.set(c.id, form);
    }
    return form;
  }

  async #withdraw(c: BuyerCaseView): Promise<void> {
    if (this.#withdrawing.has(c.id)) return;
    this.#withdrawing.add(c.id);
    this.#redraw(c.id);
    try {
      const updated = await this.#options.api.cancel(c.id);
      this.#withdrawing.delete(c.id);
      this.upsert(updated);
    } catch (failure) {
      this.#withdrawing.delete(c.id);
      this.#redraw(c.id);
      this.#options.onToast(this.#messageOf(failure));
    }
  }
}
