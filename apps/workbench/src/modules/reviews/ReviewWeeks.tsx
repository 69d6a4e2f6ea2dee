import type { ReviewWeeksResponse } from '@golddesk/contracts';
import { Alert, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { Chart } from '../../platform/ui/Chart';
import { useReviewWords } from './review-words';
import { anyReview, reviewWeekCharts } from './review-weeks-view';
import { fetchReviewWeeks } from './reviews.api';

const WEEKS = 8;
const CHART_HEIGHT = 150;

/**
 * The last 8 weeks of reviews: by level, and the 中差评 follow-ups by outcome; above them, when the shop promises a
 * 好评返现, the marketplace's rule against buying reviews. Re-reads when `changes` moves.
 */
export function ReviewWeeks({ changes }: { changes: number }) {
  const { t, i18n } = useTranslation();
  const words = useReviewWords();
  const [answer, setAnswer] = useState<ReviewWeeksResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchReviewWeeks(WEEKS, controller.signal)
      .then((next) => {
        setAnswer(next);
        setError(null);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [changes]);

  const charts = useMemo(() => answer && reviewWeekCharts(answer.weeks, words, t), [answer, words, t]);
  const rule = i18n.language === 'en' ? answer?.cashbackRuleEn : answer?.cashbackRule;

  return (
    <section className="review-weeks" data-testid="review-weeks">
      {rule && (
        <Alert
          type="warning"
          showIcon
          title={
            <>
              <strong>{t('reviews.weeks.cashbackTitle')}</strong> {rule}
            </>
          }
          className="review-cashback"
          data-testid="review-cashback-rule"
        />
      )}
      <div className="review-weeks-head">
        <span className="review-weeks-title">{t('reviews.weeks.title')}</span>
        <Typography.Text type="secondary" className="review-weeks-hint">
          {t('reviews.weeks.hint')}
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {!answer && !error && <Skeleton active paragraph={{ rows: 4 }} />}
      {answer &&
        charts &&
        (anyReview(answer.weeks) ? (
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <div className="review-chart-title">{t('reviews.weeks.levels')}</div>
              <Chart option={charts.levels} height={CHART_HEIGHT} testId="review-weeks-levels" />
            </Col>
            <Col xs={24} lg={12}>
              <div className="review-chart-title">{t('reviews.weeks.outcomes')}</div>
              <Chart option={charts.outcomes} height={CHART_HEIGHT} testId="review-weeks-outcomes" />
            </Col>
          </Row>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.weeks.none')} />
        ))}
    </section>
  );
}
