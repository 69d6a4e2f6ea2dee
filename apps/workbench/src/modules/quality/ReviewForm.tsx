import type { QualityReviewView, QualityScorecard } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { currentLanguage } from '../../platform/i18n';
import { saveReview } from './quality-inspection.api';

interface ReviewFormProps {
  sessionId: string;
  scorecard: QualityScorecard;
  /** The manager's own review of the session, to change (null: a first review). */
  mine: QualityReviewView | null;
  onSaved: (review: QualityReviewView) => void;
}

/** The scorecard as a form: points per item (0 to its maximum), the total, a comment for the agent, 保存评分. */
export function ReviewForm({ sessionId, scorecard, mine, onSaved }: ReviewFormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = currentLanguage() === 'en' ? 'en' : 'zh';
  const [points, setPoints] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(scorecard.items.map((item) => [item.id, mine?.scores.find((s) => s.item === item.id)?.points ?? null])),
  );
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const max = scorecard.items.reduce((sum, item) => sum + item.maxPoints, 0);
  const total = scorecard.items.reduce((sum, item) => sum + (points[item.id] ?? 0), 0);
  const complete = scorecard.items.every((item) => points[item.id] !== null && points[item.id] !== undefined);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const { review } = await saveReview({
        sessionId,
        scores: scorecard.items.map((item) => ({ item: item.id, points: points[item.id] ?? 0 })),
        comment,
      });
      void message.success(t('qualityPage.reviewSaved'));
      onSaved(review);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="quality-review-form" data-testid="quality-review-form">
      <Typography.Title level={5}>{t('qualityPage.scoreTitle')}</Typography.Title>
      {scorecard.items.map((item) => (
        <div key={item.id} className="quality-review-row">
          <span className="quality-review-name">{item.name[language]}</span>
          <span data-testid={`review-points-${item.id}`}>
            <InputNumber
              min={0}
              max={item.maxPoints}
              precision={0}
              value={points[item.id]}
              onChange={(value) => setPoints({ ...points, [item.id]: value })}
              suffix={`/ ${item.maxPoints}`}
              style={{ width: 110 }}
            />
          </span>
        </div>
      ))}
      <div className="quality-review-total">
        <Button
          size="small"
          type="link"
          onClick={() => setPoints(Object.fromEntries(scorecard.items.map((item) => [item.id, item.maxPoints])))}
          data-testid="review-full-marks"
        >
          {t('qualityPage.fullMarks')}
        </Button>
        <Typography.Text strong data-testid="review-total">
          {t('qualityPage.total', { total, max })}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" className="quality-field-label">
        {t('qualityPage.comment')}
      </Typography.Text>
      <Input.TextArea
        value={comment}
        maxLength={500}
        onChange={(event) => setComment(event.target.value)}
        placeholder={t('qualityPage.commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        data-testid="review-comment"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="review-error" />}
      <Button
        type="primary"
        block
        style={{ marginTop: 10 }}
        loading={busy}
        disabled={!complete}
        onClick={() => void save()}
        data-testid="review-save"
      >
        {t('qualityPage.saveReview')}
      </Button>
    </div>
  );
}
