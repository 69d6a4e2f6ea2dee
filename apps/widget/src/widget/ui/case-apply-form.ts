import { formatFen } from '@golddesk/contracts/money';
import { h } from '../../shared/dom.js';
import { ApiError } from '../api-client.js';
import type { OpenCaseInput } from '../cases-api.js';
import type { WidgetLanguage } from '../language.js';
import { randomId } from '../storage.js';
import type { BuyerCaseView, CaseType, OrderView } from '../types.js';
import { BUYER_CASE_TYPES, REFUND_TYPES, caseTypeWord, caseWords, type Translate } from './cases.locales.js';

/** What the form needs from the widget. */
export interface ApplyFormHandlers {
  /** POST /api/v1/widget/cases. */
  submit: (input: OpenCaseInput) => Promise<BuyerCaseView>;
  /** The case was opened. */
  onOpened: (opened: BuyerCaseView) => void;
  /** 取消 / 返回订单. */
  onCancel: () => void;
}

const AMOUNT = /^\d{1,7}(\.\d{1,2})?$/;

/** A request id that the server keeps per application (crypto.randomUUID where the page is a secure context). */
function newRequestId(): string {
  return window.isSecureContext && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : randomId();
}

/** "29.9" → 2990 fen; null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const value = text.trim();
  if (!AMOUNT.test(value)) return null;
  const [yuan, fraction = ''] = value.split('.');
  return Number(yuan) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * 申请售后 for one order: the type (仅退款 … 维修), the buyer's reason (required) and, for refund types, the amount
 * in yuan. A retry after a network error keeps the request id, so the case is opened once however often it is sent.
 */
export function caseApplyForm(order: OrderView, language: WidgetLanguage, handlers: ApplyFormHandlers): HTMLElement {
  const t: Translate = caseWords(language);
  let type: CaseType | null = null;
  let requestId = newRequestId();
  let busy = false;

  const error = h('div', { class: 'gd-form-error', testid: 'gd-case-apply-error', attrs: { role: 'alert', hidden: true } });
  const showError = (text: string | null) => {
    error.textContent = text ?? '';
    error.hidden = !text;
  };

  const chips = BUYER_CASE_TYPES.map((value) =>
    h('button', {
      class: 'gd-chip',
      text: caseTypeWord(value, language),
      testid: 'gd-case-type',
      attrs: { type: 'button', role: 'radio', 'aria-checked': 'false', 'data-type': value },
      on: { click: () => choose(value) },
    }),
  );
  const reason = h('textarea', {
    class: 'gd-field-input',
    testid: 'gd-case-reason',
    attrs: { rows: 3, maxlength: 500, placeholder: t('reasonPlaceholder'), 'aria-label': t('reason') },
  });
  const refund = h('input', {
    class: 'gd-field-input',
    testid: 'gd-case-refund',
    attrs: {
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      placeholder: t('refundPlaceholder', { max: formatFen(order.totalFen) }),
      'aria-label': t('refund'),
    },
  });
  const refundField = h('label', { class: 'gd-field', attrs: { hidden: true } }, [
    h('span', { class: 'gd-field-label', text: t('refund') }),
    refund,
  ]);
  const submit = h('button', {
    class: 'gd-primary',
    text: t('submit'),
    testid: 'gd-case-submit',
    attrs: { type: 'submit' },
  });

  function choose(value: CaseType): void {
    type = value;
    for (const chip of chips) chip.setAttribute('aria-checked', String(chip.dataset.type === value));
    refundField.hidden = !REFUND_TYPES.includes(value);
    showError(null);
  }

  /** The request, or the first problem with the input in the buyer's words. */
  function read(): OpenCaseInput | string {
    if (!type) return t('chooseType');
    const text = reason.value.trim();
    if (!text) return t('reasonRequired');
    const input: OpenCaseInput = { requestId, type, orderId: order.id, reason: text };
    if (REFUND_TYPES.includes(type) && refund.value.trim()) {
      const fen = yuanToFen(refund.value);
      if (fen === null) return t('refundInvalid');
      if (fen > order.totalFen) return t('refundTooMuch', { max: formatFen(order.totalFen) });
      input.refundFen = fen;
    }
    return input;
  }

  async function send(): Promise<void> {
    if (busy) return;
    const input = read();
    if (typeof input === 'string') {
      showError(input);
      return;
    }
    busy = true;
    submit.disabled = true;
    submit.textContent = t('submitting');
    showError(null);
    try {
      handlers.onOpened(await handlers.submit(input));
    } catch (failure) {
      const network = !(failure instanceof ApiError) || failure.status === 0;
      // Refused for a reason (invalid, not allowed): the next try is a new request. Lost on the way: the same one.
      if (failure instanceof ApiError && !failure.retryable) requestId = newRequestId();
      showError(network ? t('networkError') : (failure as ApiError).message);
    } finally {
      busy = false;
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  }

  const first = order.items[0];
  return h(
    'form',
    {
      class: 'gd-case-form',
      testid: 'gd-case-apply',
      attrs: { 'data-order-id': order.id, novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          void send();
        },
      },
    },
    [
      h('div', { class: 'gd-case-form-order' }, [
        h('div', { class: 'gd-order-no', text: t('applyFor', { orderNo: order.orderNo }) }),
        first ? h('div', { class: 'gd-product-title', text: first.title }) : null,
      ]),
      h('div', { class: 'gd-field' }, [
        h('span', { class: 'gd-field-label', text: t('type') }),
        h('div', { class: 'gd-chips', attrs: { role: 'radiogroup', 'aria-label': t('type') } }, chips),
      ]),
      h('label', { class: 'gd-field' }, [h('span', { class: 'gd-field-label', text: t('reason') }), reason]),
      refundField,
      error,
      h('div', { class: 'gd-form-actions' }, [
        h('button', { class: 'gd-secondary', text: t('cancel'), attrs: { type: 'button' }, on: { click: handlers.onCancel } }),
        submit,
      ]),
    ],
  );
}
