import { h, safeUrl } from '../../shared/dom.js';
import type { WidgetLanguage } from '../language.js';
import type { BuyerCaseView } from '../types.js';
import { caseWords } from './cases.locales.js';

/** How an item's upload is going: kept outside the card, which is drawn again whenever the case changes. */
export type UploadState = { status: 'uploading' } | { status: 'failed'; message: string };

/** What the checklist needs from the cases view. */
export interface EvidenceContext {
  language: WidgetLanguage;
  /** Server origin, for the photo URLs. */
  base: string;
  /** Upload state per `${caseId}:${itemKey}`. */
  uploads: Map<string, UploadState>;
  /** The buyer picked a photo for one item. */
  onPick: (caseId: string, item: string, file: File) => void;
  /** Uploads are closed (the case is over). */
  readOnly: boolean;
}

/** Same cap as the server: a larger photo is not sent at all (a phone's data plan). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/**
 * 凭证照片: the type's checklist (质量问题: 问题部位特写, 商品整体, 装箱单, 批次号), each item with its photos'
 * thumbnails and 上传, and which items are still missing. Returns null when the case asks for no photos.
 */
export function evidenceChecklist(c: BuyerCaseView, context: EvidenceContext): HTMLElement | null {
  const { evidence } = c;
  // The checklist appears once the shop asks for photos (or the buyer already sent some).
  if (!evidence.requested && !evidence.items.some((item) => item.photos.length > 0)) return null;
  const t = caseWords(context.language);
  const labelOf = (item: { label: string; labelEn: string }) => (context.language === 'en' ? item.labelEn : item.label);
  const missing = evidence.items.filter((item) => evidence.missing.includes(item.key));

  return h('div', { class: 'gd-evidence', testid: 'gd-case-evidence' }, [
    h('div', { class: 'gd-case-section-title', text: t('evidence') }),
    evidence.requested && missing.length > 0 && !context.readOnly
      ? h('div', { class: 'gd-case-hint', text: t('evidenceAsked') })
      : null,
    ...evidence.items.map((item) => {
      const key = `${c.id}:${item.key}`;
      const state = context.uploads.get(key);
      const done = !evidence.missing.includes(item.key);
      const input = h('input', { attrs: { type: 'file', accept: 'image/*', hidden: true, 'aria-label': labelOf(item) } });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) context.onPick(c.id, item.key, file);
      });
      const uploading = state?.status === 'uploading';
      return h(
        'div',
        {
          class: `gd-evidence-item${done ? ' gd-evidence-item--done' : ''}`,
          testid: 'gd-evidence-item',
          attrs: { 'data-item': item.key, 'data-done': String(done) },
        },
        [
          h('div', { class: 'gd-evidence-head' }, [
            h('span', { class: 'gd-evidence-mark', text: done ? '✓' : '' }),
            h('span', { class: 'gd-evidence-label', text: labelOf(item) }),
            context.readOnly
              ? null
              : h('button', {
                  class: 'gd-evidence-upload',
                  text: uploading ? t('uploading') : done ? t('uploadMore') : t('upload'),
                  testid: 'gd-evidence-upload',
                  attrs: { type: 'button', disabled: uploading },
                  on: { click: () => input.click() },
                }),
            input,
          ]),
          item.photos.length
            ? h(
                'div',
                { class: 'gd-evidence-photos' },
                item.photos.map((photo) => {
                  const full = safeUrl(photo.url, context.base);
                  const thumb = safeUrl(photo.thumbnailUrl, context.base) ?? full;
                  const img = h('img', {
                    class: 'gd-evidence-thumb',
                    attrs: { src: thumb, alt: t('photo', { item: labelOf(item) }), loading: 'lazy' },
                  });
                  return full ? h('a', { attrs: { href: full, target: '_blank', rel: 'noopener noreferrer' } }, [img]) : img;
                }),
              )
            : null,
          state?.status === 'failed'
            ? h('div', { class: 'gd-form-error', testid: 'gd-evidence-error', text: state.message, attrs: { role: 'alert' } })
            : null,
        ],
      );
    }),
    missing.length > 0
      ? h('div', {
          class: 'gd-evidence-missing',
          testid: 'gd-evidence-missing',
          text: t('evidenceMissing', {
            count: missing.length,
            items: missing.map(labelOf).join(context.language === 'en' ? ', ' : '、'),
          }),
        })
      : evidence.items.length > 0
        ? h('div', { class: 'gd-evidence-complete', text: t('evidenceComplete') })
        : null,
  ]);
}
