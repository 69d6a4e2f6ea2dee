import {
  MAX_SATISFACTION_COMMENT_LENGTH,
  reasonsForScore,
  SATISFACTION_LEVELS,
  SATISFIED_FROM_SCORE,
} from '@golddesk/contracts/satisfaction-levels';
import { h } from '../../shared/dom.js';
import { ApiError } from '../api-client.js';
import type { WidgetLanguage } from '../language.js';
import type { BuyerSatisfactionView, RateSatisfactionRequest } from '../types.js';
import { LEVEL_FACES, levelWord, reasonWord, satisfactionWords } from './satisfaction.locales.js';

/** What the card needs from the widget. */
export interface SatisfactionCardHandlers {
  /** POST /api/v1/widget/satisfaction. */
  submit: (request: RateSatisfactionRequest) => Promise<BuyerSatisfactionView>;
  /** The rating was stored (the card gives way to the thanks line). */
  onRated: (rated: BuyerSatisfactionView) => void;
  /** The server has a rating already (another tab, a double tap): show what it holds. */
  onStale: () => void;
  /** The card changed height (reasons appeared): keep the list pinned. */
  onResize: () => void;
}

/**
 * The rating card in the chat (满意度): five levels (很满意 … 很不满意), the reason chips offered with the chosen
 * level, an optional comment, 提交评价. Refusals come back in the buyer's words (already rated, …).
 */
export function satisfactionCard(
  invitation: BuyerSatisfactionView,
  language: WidgetLanguage,
  handlers: SatisfactionCardHandlers,
): HTMLElement {
  const t = satisfactionWords(language);
  let score: number | null = null;
  const chosen = new Set<string>();
  let busy = false;

  const error = h('div', { class: 'gd-form-error', testid: 'gd-rating-error', attrs: { role: 'alert', hidden: true } });
  const showError = (text: string | null) => {
    error.textContent = text ?? '';
    error.hidden = !text;
  };
  const levels = SATISFACTION_LEVELS.map((level) =>
    h(
      'button',
      {
        class: 'gd-rating-level',
        testid: 'gd-rating-level',
        attrs: { type: 'button', role: 'radio', 'aria-checked': 'false', 'data-score': level.score },
        on: { click: () => choose(level.score) },
      },
      [
        h('span', { class: 'gd-rating-face', text: LEVEL_FACES[level.score], attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'gd-rating-word', text: levelWord(level.score, language) }),
      ],
    ),
  );
  const chips = h('div', { class: 'gd-chips', testid: 'gd-rating-reasons', attrs: { 'aria-label': t('reasons') } });
  const reasonsField = h('div', { class: 'gd-field', attrs: { hidden: true } }, [
    h('span', { class: 'gd-field-label', text: t('reasons') }),
    chips,
  ]);
  const comment = h('textarea', {
    class: 'gd-field-input',
    testid: 'gd-rating-comment',
    attrs: {
      rows: 2,
      maxlength: MAX_SATISFACTION_COMMENT_LENGTH,
      placeholder: t('commentPlaceholder', { max: MAX_SATISFACTION_COMMENT_LENGTH }),
      'aria-label': t('comment'),
    },
  });
  const submit = h('button', { class: 'gd-primary', text: t('submit'), testid: 'gd-rating-submit', attrs: { type: 'submit' } });

  /** A level chosen: its own reasons replace the others (a reason picked for 满意 does not carry over to 不满意). */
  function choose(next: number): void {
    const sameSide = score !== null && score >= SATISFIED_FROM_SCORE === next >= SATISFIED_FROM_SCORE;
    score = next;
    for (const button of levels) button.setAttribute('aria-checked', String(Number(button.dataset.score) === next));
    if (!sameSide) {
      chosen.clear();
      chips.replaceChildren(
        ...reasonsForScore(next).map((key) =>
          h('button', {
            class: 'gd-chip',
            text: reasonWord(key, language),
            testid: 'gd-rating-reason',
            attrs: { type: 'button', role: 'checkbox', 'aria-checked': 'false', 'data-reason': key },
            on: { click: (event) => toggle(key, event.currentTarget as HTMLElement) },
          }),
        ),
      );
    }
    reasonsField.hidden = false;
    showError(null);
    handlers.onResize();
  }

  function toggle(key: string, chip: HTMLElement): void {
    if (chosen.has(key)) chosen.delete(key);
    else chosen.add(key);
    chip.setAttribute('aria-checked', String(chosen.has(key)));
  }

  async function send(): Promise<void> {
    if (busy) return;
    if (score === null) return showError(t('chooseLevel'));
    busy = true;
    submit.disabled = true;
    submit.textContent = t('submitting');
    showError(null);
    try {
      const request: RateSatisfactionRequest = {
        invitationId: invitation.id,
        score,
        reasons: [...chosen] as RateSatisfactionRequest['reasons'],
        ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
      };
      handlers.onRated(await handlers.submit(request));
    } catch (failure) {
      const network = !(failure instanceof ApiError) || failure.status === 0;
      showError(network ? t('networkError') : (failure as ApiError).message);
      // Rated already (another tab, a double tap): the card makes way for the rating the server holds.
      if (failure instanceof ApiError && failure.code === 'satisfaction_already_rated') handlers.onStale();
    } finally {
      busy = false;
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  }

  return h(
    'form',
    {
      class: 'gd-rating',
      testid: 'gd-rating-card',
      attrs: { 'data-invitation-id': invitation.id, lang: language, novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          void send();
        },
      },
    },
    [
      h('div', { class: 'gd-rating-title', text: t('title') }),
      h('div', { class: 'gd-rating-hint', text: t('hint') }),
      h('div', { class: 'gd-rating-levels', attrs: { role: 'radiogroup', 'aria-label': t('title') } }, levels),
      reasonsField,
      h('label', { class: 'gd-field' }, [h('span', { class: 'gd-field-label', text: t('comment') }), comment]),
      error,
      h('div', { class: 'gd-form-actions' }, [submit]),
    ],
  );
}

/** The line that replaces the card once rated: the level and reasons the buyer gave, and a thank-you. */
export function satisfactionThanks(invitation: BuyerSatisfactionView, language: WidgetLanguage): HTMLElement {
  const t = satisfactionWords(language);
  const level = invitation.score === null ? '' : levelWord(invitation.score, language);
  const reasons = invitation.reasons.map((key) => reasonWord(key, language)).join(language === 'en' ? ', ' : '、');
  const line = [t('thanks', { level }), reasons].filter(Boolean).join(' · ');
  return h('div', { class: 'gd-sysrow', testid: 'gd-rating-thanks', attrs: { 'data-invitation-id': invitation.id } }, [
    h('div', { class: 'gd-system', text: `${line}\n${t('thanksNote')}` }),
  ]);
}
