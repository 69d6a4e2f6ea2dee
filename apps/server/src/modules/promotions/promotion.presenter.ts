import type { PromotionStatus, PromotionView } from '@golddesk/contracts';
import { chinaTimeOf, formatFen } from '@golddesk/contracts';
import type { PromotionRow } from './promotion.repository.js';

export type PromotionLanguage = 'zh-CN' | 'en';

/** 5000 → "50", 1990 → "19.9": yuan the way a shop writes them, without the sign. */
export function yuan(fen: number): string {
  return formatFen(fen, { sign: false, short: true });
}

const monthDay = (iso: string) => chinaTimeOf(new Date(iso)).date.slice(5);

/** What the campaign offers, from its numbers (满 199 减 20, 定金 50 抵 100…); '' when the numbers say nothing. */
function offerOf(row: PromotionRow, language: PromotionLanguage): string {
  const t = row.threshold_fen ?? 0;
  const a = row.amount_fen ?? 0;
  const zh = language === 'zh-CN';
  switch (row.kind) {
    case 'presale': {
      if (!row.deposit_fen) return '';
      const deposit = zh ? `定金 ${yuan(row.deposit_fen)}` : `deposit ¥${yuan(row.deposit_fen)}`;
      const counts = a > row.deposit_fen ? (zh ? ` 抵 ${yuan(a)}` : ` counts as ¥${yuan(a)}`) : '';
      const dates = zh
        ? `（${monthDay(row.starts_at)} 至 ${monthDay(row.ends_at)}）`
        : ` (${monthDay(row.starts_at)} to ${monthDay(row.ends_at)})`;
      return deposit + counts + dates;
    }
    case 'full_reduction':
      if (!a) return '';
      return zh ? `满 ${yuan(t)} 减 ${yuan(a)}` : `¥${yuan(a)} off orders over ¥${yuan(t)}`;
    case 'coupon':
      if (!a) return '';
      if (!t) return zh ? `${yuan(a)} 元无门槛优惠券` : `¥${yuan(a)} coupon, no minimum`;
      return zh ? `满 ${yuan(t)} 减 ${yuan(a)} 优惠券` : `¥${yuan(a)} coupon on orders over ¥${yuan(t)}`;
    case 'free_shipping':
      if (!t) return zh ? '全场包邮' : 'free shipping on every order';
      return zh ? `满 ${yuan(t)} 包邮` : `free shipping over ¥${yuan(t)}`;
    default:
      return '';
  }
}

/** One campaign in one line: "双11预售：定金 50 抵 100（11-01 至 11-10）", note appended in brackets. */
export function summaryOf(row: PromotionRow, language: PromotionLanguage = 'zh-CN'): string {
  const offer = offerOf(row, language);
  const colon = language === 'zh-CN' ? '：' : ': ';
  const bare = (value: string) => value.replace(/\s+/g, '');
  let text = row.title;
  // A title that already says the offer (满88包邮) is not repeated: "满 88 包邮", not "满88包邮：满 88 包邮".
  if (offer && bare(row.title) === bare(offer)) text = offer;
  else if (offer && !bare(row.title).includes(bare(offer))) text = `${row.title}${colon}${offer}`;
  if (row.note) text += language === 'zh-CN' ? `（${row.note}）` : ` (${row.note})`;
  return text;
}

export function statusOf(row: PromotionRow, at: Date): PromotionStatus {
  const iso = at.toISOString();
  if (iso < row.starts_at) return 'upcoming';
  return iso > row.ends_at ? 'ended' : 'active';
}

export function presentPromotion(row: PromotionRow, at: Date, language: PromotionLanguage = 'zh-CN'): PromotionView {
  return {
    id: row.id,
    kind: row.kind as PromotionView['kind'],
    title: row.title,
    thresholdFen: row.threshold_fen === null ? null : Number(row.threshold_fen),
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    depositFen: row.deposit_fen === null ? null : Number(row.deposit_fen),
    note: row.note,
    link: row.link,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: statusOf(row, at),
    summary: summaryOf(row, language),
    updatedAt: row.updated_at,
  };
}
