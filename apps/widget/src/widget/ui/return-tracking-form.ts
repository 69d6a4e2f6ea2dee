import { h } from '../../shared/dom.js';
import { ApiError } from '../api-client.js';
import type { WidgetLanguage } from '../language.js';
import { RETURN_CARRIERS, caseWords } from './cases.locales.js';

/** Sends the return parcel; rejects with the server's error. */
export type SendTracking = (carrier: string, trackingNo: string) => Promise<void>;

const TRACKING_NO = /^[A-Za-z0-9-]{6,40}$/;

/** 填写退货物流: carrier and tracking number of the parcel the buyer sends back (state 待买家寄回). */
export function returnTrackingForm(language: WidgetLanguage, send: SendTracking): HTMLElement {
  const t = caseWords(language);
  const carrier = h('select', { class: 'gd-field-input', testid: 'gd-return-carrier', attrs: { 'aria-label': t('carrier') } }, [
    h('option', { text: t('chooseCarrier'), attrs: { value: '' } }),
    ...RETURN_CARRIERS.map((c) => h('option', { text: language === 'en' ? c.en : c.name, attrs: { value: c.name } })),
  ]);
  const trackingNo = h('input', {
    class: 'gd-field-input',
    testid: 'gd-return-tracking-no',
    attrs: {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 40,
      placeholder: t('trackingNo'),
      'aria-label': t('trackingNo'),
    },
  });
  const error = h('div', { class: 'gd-form-error', attrs: { role: 'alert', hidden: true } });
  const submit = h('button', {
    class: 'gd-primary',
    text: t('sendTracking'),
    testid: 'gd-return-submit',
    attrs: { type: 'submit' },
  });
  const showError = (text: string | null) => {
    error.textContent = text ?? '';
    error.hidden = !text;
  };

  const onSubmit = async () => {
    const number = trackingNo.value.replace(/\s+/g, '').toUpperCase();
    if (!carrier.value) return showError(t('carrierRequired'));
    if (!TRACKING_NO.test(number)) return showError(t('trackingInvalid'));
    showError(null);
    submit.disabled = true;
    submit.textContent = t('working');
    try {
      await send(carrier.value, number);
    } catch (failure) {
      showError(failure instanceof ApiError && failure.status !== 0 ? failure.message : t('networkError'));
    } finally {
      submit.disabled = false;
      submit.textContent = t('sendTracking');
    }
  };

  return h(
    'form',
    {
      class: 'gd-return-form',
      testid: 'gd-return-form',
      attrs: { novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          void onSubmit();
        },
      },
    },
    [
      h('div', { class: 'gd-case-section-title', text: t('returnForm') }),
      h('div', { class: 'gd-return-row' }, [carrier, trackingNo]),
      error,
      h('div', { class: 'gd-form-actions' }, [submit]),
    ],
  );
}
