import { formatFen } from '@golddesk/contracts/money';
import { h } from '../../shared/dom.js';
import type { BuyerCaseView } from '../types.js';
import {
  caseStateWord,
  caseTypeWord,
  caseWords,
  compensationWord,
  formatWhen,
  reshipLine,
  type Translate,
} from './cases.locales.js';
import { evidenceChecklist, type EvidenceContext } from './evidence-checklist.js';

/** What a case card needs from the cases view. */
export interface CaseCardContext extends Omit<EvidenceContext, 'readOnly'> {
  /** The return parcel form of a case (kept by the view, so what the buyer typed survives an update). */
  returnForm: (c: BuyerCaseView) => HTMLElement;
  /** 撤销申请 pressed (after the buyer confirmed). */
  onWithdraw: (c: BuyerCaseView) => void;
  /** Cases with a 撤销申请 under way. */
  withdrawing: ReadonlySet<string>;
}

/** completed, rejected, cancelled: nothing more to do for the buyer. */
const FINAL_STATES: readonly string[] = ['completed', 'rejected', 'cancelled'];
/** Before the shop acted on it (the server's BUYER_WITHDRAWABLE): the buyer may withdraw the request. */
const WITHDRAWABLE_STATES: readonly string[] = ['pending', 'awaiting_evidence', 'awaiting_return'];

/** How a state looks: done (green), stopped (grey) or still moving (orange). */
function stateTone(state: string): string {
  if (state === 'completed') return 'done';
  if (state === 'rejected' || state === 'cancelled') return 'stopped';
  return 'open';
}

/** 处理进度: the steps the buyer cares about as a small vertical timeline, newest last. */
function progressTimeline(c: BuyerCaseView, context: CaseCardContext, t: Translate): HTMLElement | null {
  if (c.progress.length === 0) return null;
  return h('div', { class: 'gd-case-progress' }, [
    h('div', { class: 'gd-case-section-title', text: t('progress') }),
    h(
      'ol',
      { class: 'gd-timeline', testid: 'gd-case-progress' },
      c.progress.map((step, index) =>
        h('li', { class: `gd-timeline-step${index === c.progress.length - 1 ? ' gd-timeline-step--now' : ''}` }, [
          h('span', { class: 'gd-timeline-dot' }),
          h('span', { class: 'gd-timeline-state', text: caseStateWord(step.state, context.language) }),
          h('time', { class: 'gd-timeline-time', text: formatWhen(step.at), attrs: { datetime: step.at } }),
        ]),
      ),
    ),
  ]);
}

/** One line of "label: value" in the card. */
function fact(label: string, value: string, testid?: string): HTMLElement {
  return h('div', { class: 'gd-case-fact', ...(testid ? { testid } : {}) }, [
    h('span', { class: 'gd-case-fact-label', text: label }),
    h('span', { class: 'gd-case-fact-value', text: value }),
  ]);
}

/**
 * One case in 我的售后: number, type, state, order, the policy's verdict (red when not eligible), progress, goodwill
 * received, return address and parcels, the evidence checklist, the return form (待买家寄回) and 撤销申请.
 */
export function caseCard(c: BuyerCaseView, context: CaseCardContext): HTMLElement {
  const { language } = context;
  const t = caseWords(language);
  const final = FINAL_STATES.includes(c.state);
  const reship = reshipLine(c, t, language);
  const goodwill = c.compensations.map((g) => `${compensationWord(g.kind, language)} ${formatFen(g.amountFen)}`);
  const withdrawing = context.withdrawing.has(c.id);

  return h(
    'article',
    {
      class: `gd-case gd-case--${stateTone(c.state)}`,
      testid: 'gd-case',
      attrs: { 'data-case-id': c.id, 'data-state': c.state, 'data-type': c.type },
    },
    [
      h('div', { class: 'gd-case-top' }, [
        h('span', { class: 'gd-case-type', text: caseTypeWord(c.type, language) }),
        h('span', {
          class: 'gd-case-state',
          testid: 'gd-case-state',
          text: caseStateWord(c.state, language),
        }),
      ]),
      h('div', { class: 'gd-case-ids' }, [
        h('span', { text: t('caseNo', { caseNo: c.caseNo }) }),
        h('span', { text: t('orderNo', { orderNo: c.orderNo }) }),
      ]),
      c.reason ? h('div', { class: 'gd-case-reason', text: c.reason }) : null,
      c.refundFen !== null
        ? h('div', { class: 'gd-case-refund', text: t('refundAsked', { amount: formatFen(c.refundFen) }) })
        : null,
      h('div', {
        class: `gd-case-eligibility gd-case-eligibility--${c.eligibility.eligible ? 'yes' : 'no'}`,
        testid: 'gd-case-eligibility',
        text: c.eligibility.reason,
        attrs: { 'data-eligible': String(c.eligibility.eligible) },
      }),
      goodwill.length ? fact(t('goodwill'), goodwill.join(language === 'en' ? ', ' : '，'), 'gd-case-goodwill') : null,
      c.returnAddress && !final ? fact(t('returnAddress'), c.returnAddress, 'gd-case-return-address') : null,
      c.returnTrackingNo
        ? h('div', { class: 'gd-case-parcel', text: t('returnSent', { trackingNo: c.returnTrackingNo }) })
        : null,
      reship ? h('div', { class: 'gd-case-parcel gd-case-parcel--reship', testid: 'gd-case-reship', text: reship }) : null,
      c.state === 'awaiting_return' ? context.returnForm(c) : null,
      evidenceChecklist(c, { ...context, readOnly: final }),
      progressTimeline(c, context, t),
      WITHDRAWABLE_STATES.includes(c.state)
        ? h('div', { class: 'gd-form-actions' }, [
            h('button', {
              class: 'gd-secondary',
              text: withdrawing ? t('working') : t('withdraw'),
              testid: 'gd-case-withdraw',
              attrs: { type: 'button', disabled: withdrawing },
              on: {
                click: () => {
                  if (window.confirm(t('withdrawConfirm', { caseNo: c.caseNo }))) context.onWithdraw(c);
                },
              },
            }),
          ])
        : null,
    ],
  );
}
