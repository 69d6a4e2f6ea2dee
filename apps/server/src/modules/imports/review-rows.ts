import { REVIEW_LEVEL_LABELS } from '@golddesk/contracts';
import { createHash } from 'node:crypto';
import type { RecordReviewProps } from '../reviews/index.js';
import type { SheetRow } from './import-file.js';
import type { RowReason, StoredRowError } from './import-reasons.js';
import { parseChinaTime } from './import-values.js';

/** One review as the file describes it: what recording a review takes, but the shop. */
export type ReviewDraft = Omit<RecordReviewProps, 'shopId'>;

export interface ReviewGroup {
  lineCount: 1;
  review?: ReviewDraft;
  errors: StoredRowError[];
}

/**
 * Each row one review. Without a 评价编号 the review is known by its order and time, so importing the same export
 * twice stores each review once.
 */
export function checkReviewRows(rows: SheetRow[]): ReviewGroup[] {
  return rows.map((row) => {
    const reasons: RowReason[] = [];
    const value = (key: string) => row.values[key]?.trim() ?? '';
    const orderNo = value('order_no');
    if (!orderNo) reasons.push({ code: 'missing_value', params: { column: 'order_no' } });
    const ratingText = value('rating');
    const rating = REVIEW_LEVEL_LABELS[ratingText] ?? (/^[1-5]$/.test(ratingText) ? Number(ratingText) : undefined);
    if (!ratingText) reasons.push({ code: 'missing_value', params: { column: 'rating' } });
    else if (rating === undefined)
      reasons.push({ code: 'invalid_rating', params: { column: 'rating', value: ratingText.slice(0, 20) } });
    const reviewedAt = parseChinaTime(value('reviewed_at'));
    if (!value('reviewed_at')) reasons.push({ code: 'missing_value', params: { column: 'reviewed_at' } });
    else if (!reviewedAt) reasons.push({ code: 'invalid_time', params: { column: 'reviewed_at' } });
    const text = value('text');
    if (text.length > 2000) reasons.push({ code: 'too_long', params: { column: 'text', max: 2000 } });
    if (reasons.length || rating === undefined || !reviewedAt) return { lineCount: 1, errors: [{ line: row.line, reasons }] };
    const pictures = value('pictures')
      .split(/[\s,;，；]+/)
      .filter((url) => /^https?:\/\//.test(url))
      .slice(0, 9);
    const externalId =
      value('external_id') || `file:${createHash('sha256').update(`${orderNo}|${reviewedAt}`).digest('hex').slice(0, 24)}`;
    return { lineCount: 1, review: { externalId, orderNo, rating, text, pictures, reviewedAt }, errors: [] };
  });
}
