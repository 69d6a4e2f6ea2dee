import type { ReviewView } from '@golddesk/contracts';
import { Button, Rate, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, OUTCOME_COLOR, useReviewWords } from './review-words';

// Pictures come from the marketplace (or a shop's file): only web links and our own paths become <img>/<a>.
const SHOWN_PICTURE = /^(https?:\/\/|\/(?!\/))/i;
const MAX_THUMBS = 5;

interface ColumnActions {
  /** The clock the follow-up's 已超时 is judged by (ms). */
  now: number;
  /** Whether the signed-in agent may record outcomes (owner, manager, aftersale). */
  canRecord: boolean;
  onRecord: (review: ReviewView) => void;
  onOpenChat: (review: ReviewView) => void;
  onOpenCase: (caseId: string) => void;
}

/** The review table's columns: stars, level, text with pictures, order, buyer (opens the chat), follow-up, outcome. */
export function useReviewColumns(actions: ColumnActions): TableColumnsType<ReviewView> {
  const { t } = useTranslation();
  const words = useReviewWords();
  return [
    {
      key: 'rating',
      title: t('reviews.column.rating'),
      width: 118,
      render: (_, r) => <Rate disabled value={r.rating} className="review-stars" aria-label={`${r.rating}/5`} />,
    },
    {
      key: 'level',
      title: t('reviews.column.level'),
      width: 64,
      render: (_, r) => (
        <Tag color={LEVEL_COLOR[r.level]} className="review-tag" data-testid="review-level">
          {words.level(r.level)}
        </Tag>
      ),
    },
    { key: 'text', title: t('reviews.column.text'), render: (_, r) => <ReviewText review={r} /> },
    {
      key: 'order',
      title: t('reviews.column.order'),
      width: 150,
      render: (_, r) => (
        <>
          <Typography.Text copyable={{ text: r.orderNo }} className="review-order-no">
            {r.orderNo}
          </Typography.Text>
          {r.caseIds.length > 0 && (
            <div>
              {r.caseIds.map((id, index) => (
                <Typography.Link
                  key={id}
                  onClick={() => actions.onOpenCase(id)}
                  className="review-case-link"
                  data-testid="review-case-link"
                >
                  {t('reviews.cases')}
                  {r.caseIds.length > 1 ? ` ${index + 1}` : ''}
                </Typography.Link>
              ))}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'buyer',
      title: t('reviews.column.buyer'),
      width: 110,
      ellipsis: true,
      render: (_, r) =>
        !r.buyerNick ? (
          <span className="muted">—</span>
        ) : r.conversationId ? (
          <Tooltip title={t('reviews.openChat')}>
            <Typography.Link onClick={() => actions.onOpenChat(r)} data-testid="review-buyer">
              {r.buyerNick}
            </Typography.Link>
          </Tooltip>
        ) : (
          <Tooltip title={t('reviews.noChat')}>
            <span>{r.buyerNick}</span>
          </Tooltip>
        ),
    },
    {
      key: 'followUp',
      title: t('reviews.column.followUp'),
      width: 130,
      render: (_, r) => <FollowUp review={r} now={actions.now} />,
    },
    {
      key: 'outcome',
      title: t('reviews.column.outcome'),
      width: 150,
      render: (_, r) =>
        r.outcome ? (
          <div data-testid="review-outcome">
            <Tooltip title={r.outcomeNote || undefined}>
              <Tag color={OUTCOME_COLOR[r.outcome]} className="review-tag">
                {words.outcome(r.outcome)}
              </Tag>
            </Tooltip>
            <div className="review-sub muted">
              {t('reviews.by', { name: r.outcomeBy ?? '', time: r.outcomeAt ? dayjs(r.outcomeAt).format('MM-DD HH:mm') : '' })}
            </div>
          </div>
        ) : r.followUp && actions.canRecord ? (
          <Button size="small" type="primary" ghost onClick={() => actions.onRecord(r)} data-testid="review-record">
            {t('reviews.record')}
          </Button>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
}

/** The review's words (two lines, expandable), its pictures as thumbnails that open the image, and when it was written. */
function ReviewText({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const pictures = review.pictures.filter((url) => SHOWN_PICTURE.test(url)).slice(0, MAX_THUMBS);
  return (
    <div className="review-text" data-testid="review-text">
      {review.text ? (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} className="review-words">
          {review.text}
        </Typography.Paragraph>
      ) : (
        <div className="muted">{t('reviews.noText')}</div>
      )}
      {pictures.length > 0 && (
        <div className="review-pictures">
          {pictures.map((url, index) => (
            <a
              key={`${index}:${url}`}
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              title={t('reviews.pictures', { index: index + 1 })}
            >
              <img src={url} alt={t('reviews.pictures', { index: index + 1 })} loading="lazy" referrerPolicy="no-referrer" />
            </a>
          ))}
        </div>
      )}
      <div className="review-sub muted">
        {t('reviews.reviewedAt', { time: dayjs(review.reviewedAt).format('YYYY-MM-DD HH:mm') })}
      </div>
    </div>
  );
}

/** 中差评's follow-up task: due time (red once it passed) or done; good reviews need none. */
function FollowUp({ review, now }: { review: ReviewView; now: number }) {
  const { t } = useTranslation();
  const followUp = review.followUp;
  if (!followUp) return <span className="muted">{t('reviews.noFollowUp')}</span>;
  if (followUp.status !== 'open') return <span className="review-done">{t('reviews.followUpDone')}</span>;
  const overdue = dayjs(followUp.dueAt).valueOf() < now;
  return (
    <span className={overdue ? 'review-overdue' : undefined} data-testid="review-due" data-overdue={overdue}>
      {t('reviews.due', { time: dayjs(followUp.dueAt).format('MM-DD HH:mm') })}
      {overdue && <div>{t('reviews.overdue')}</div>}
    </span>
  );
}
