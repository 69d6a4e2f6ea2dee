import { can, ReviewLevel, type ReviewView } from '@golddesk/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Segmented, Select, Space, Table } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { onStreamFrame } from '../../platform/realtime';
import type { Session } from '../../platform/session';
import { openConversation } from '../conversations';
import { useReviewColumns } from './review-columns';
import { useReviewWords } from './review-words';
import { listReviews, type ReviewQuery } from './reviews.api';
import { ReviewOutcomeModal } from './ReviewOutcomeModal';
import './reviews.locales';
import './reviews.css';

// The weekly chart (echarts) loads only when the tab is opened.
const ReviewWeeks = lazy(() => import('./ReviewWeeks').then((m) => ({ default: m.ReviewWeeks })));

/** 全部 / 中差评待跟进 (a follow-up without an outcome) / 已处理 (with one). */
type Scope = 'all' | 'open' | 'done';
// Follow-up frames come in bursts (a file of reviews opens many tasks): one re-read per quiet moment.
const REFRESH_DEBOUNCE_MS = 800;
const MINUTE_MS = 60_000;

/** Counts review follow-up changes (task.updated frames of kind review_follow_up), at most once per quiet moment. */
function useReviewChanges(): [number, () => void] {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: number | undefined;
    const stop = onStreamFrame((frame) => {
      if (frame.type !== 'task.updated' || frame.task.kind !== 'review_follow_up') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setCount((n) => n + 1), REFRESH_DEBOUNCE_MS);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, []);
  return [count, useCallback(() => setCount((n) => n + 1), [])];
}

/** The clock follow-ups are judged overdue by, moving once a minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

interface ReviewsPanelProps {
  session: Session;
  /** Opens one of the review's after-sales cases (the case view). */
  onOpenCase: (caseId: string) => void;
}

/**
 * 评价 (a tab of the 售后 page): the last 8 weeks as a chart (with the marketplace's rule when the shop promises a
 * 好评返现), then the reviews — filters, stars and level, text and pictures, the buyer's chat, the 中差评 follow-up and
 * its outcome (记录结果). Follows task.updated frames of review follow-ups.
 */
export function ReviewsPanel({ session, onOpenCase }: ReviewsPanelProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const words = useReviewWords();
  const [scope, setScope] = useState<Scope>('open');
  const [level, setLevel] = useState<ReviewLevel | undefined>();
  const [reviews, setReviews] = useState<ReviewView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState<ReviewView | null>(null);
  const [changes, changed] = useReviewChanges();
  const now = useMinuteClock();

  const load = useCallback(
    (signal?: AbortSignal) => {
      const query: ReviewQuery = { level, followUp: scope === 'all' ? undefined : scope };
      return listReviews(query, signal)
        .then((list) => {
          setReviews(list);
          setError(null);
        })
        .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
    },
    [scope, level],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, changes]);

  const openChat = useCallback(
    (review: ReviewView) => {
      const id = review.conversationId;
      if (!id) return;
      openConversation(id).catch((caught: unknown) => void message.error(errorMessage(caught)));
    },
    [message],
  );

  const columns = useReviewColumns({
    now,
    canRecord: can(session, 'tasks.reviews'),
    onRecord: setRecording,
    onOpenChat: openChat,
    onOpenCase,
  });

  function recorded(review: ReviewView) {
    // The row shows its outcome at once; lists that no longer hold it drop it, and the chart re-counts.
    setReviews((list) => (list ?? []).flatMap((r) => (r.id !== review.id ? [r] : scope === 'open' ? [] : [review])));
    changed();
  }

  return (
    <div data-testid="reviews-panel">
      <Suspense fallback={null}>
        <ReviewWeeks changes={changes} />
      </Suspense>
      <div className="review-toolbar">
        <Segmented<Scope>
          value={scope}
          onChange={setScope}
          options={(['all', 'open', 'done'] as const).map((value) => ({
            value,
            label: <span data-testid={`review-scope-${value}`}>{t(`reviews.scope.${value}`)}</span>,
          }))}
        />
        <Space wrap>
          <Select<ReviewLevel>
            allowClear
            placeholder={t('reviews.allLevels')}
            style={{ width: 120 }}
            value={level}
            onChange={setLevel}
            options={ReviewLevel.options.map((value) => ({ value, label: words.level(value) }))}
            data-testid="review-filter-level"
          />
          <Button icon={<ReloadOutlined />} onClick={changed} title={t('reviews.refresh')} />
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ReviewView>
        size="small"
        rowKey="id"
        loading={!reviews && !error}
        dataSource={reviews ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t(`reviews.empty.${scope}`) }}
        onRow={(review) =>
          ({
            'data-testid': 'review-row',
            'data-review-id': review.id,
            'data-level': review.level,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {recording && <ReviewOutcomeModal review={recording} onClose={() => setRecording(null)} onDone={recorded} />}
    </div>
  );
}
