import {
  SATISFACTION_LEVELS,
  type QualityScorecard,
  type QualitySessionDetail,
  type QualitySessionView,
} from '@golddesk/contracts';
import { Alert, Divider, Drawer, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { currentLanguage } from '../../platform/i18n';
import { fetchSession } from './quality-inspection.api';
import { scoreColor, shortTime, useHitRuleName } from './quality-view';
import { ReviewForm } from './ReviewForm';
import { Transcript } from './Transcript';

interface SessionDrawerProps {
  /** The session open (null: closed). */
  sessionId: string | null;
  /** The scorecard form is shown (managers sampling); null: read-only (an agent's own results). */
  review: { scorecard: QualityScorecard; reviewerId: string } | null;
  onClose: () => void;
  /** The session changed (a review saved): the list shows it at once. */
  onChanged: (session: QualitySessionView) => void;
}

/** A session opened from a list: its transcript with the hits marked, its score and hits, the reviews, the scorecard. */
export function SessionDrawer({ sessionId, review, onClose, onChanged }: SessionDrawerProps) {
  const { t } = useTranslation();
  const ruleName = useHitRuleName();
  const [detail, setDetail] = useState<QualitySessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const en = currentLanguage() === 'en';

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!sessionId) return;
    const controller = new AbortController();
    fetchSession(sessionId, controller.signal).then(setDetail, (caught: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(caught));
    });
    return () => controller.abort();
  }, [sessionId]);

  const session = detail?.session;
  const rating = session?.rating ? SATISFACTION_LEVELS.find((level) => level.score === session.rating!.score) : undefined;
  return (
    <Drawer
      open={sessionId !== null}
      onClose={onClose}
      size={1040}
      destroyOnHidden
      title={
        session &&
        t('qualityPage.drawerTitle', {
          buyer: session.buyer.nick,
          agent: session.agent?.name ?? '',
          time: shortTime(session.startedAt),
        })
      }
      data-testid="quality-session-drawer"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!detail && !error && <Skeleton active />}
      {detail && session && (
        <div className="quality-session-layout">
          <div className="quality-session-chat">
            <Typography.Title level={5}>{t('qualityPage.transcript')}</Typography.Title>
            {detail.truncated && <Alert type="info" showIcon title={t('qualityPage.truncated')} style={{ marginBottom: 8 }} />}
            <Transcript messages={detail.messages} hits={session.hits} />
          </div>
          <div className="quality-session-side">
            <div className="quality-session-score">
              <div>
                <Typography.Text type="secondary">{t('qualityPage.autoScore')}</Typography.Text>
                <div className={`quality-score-number quality-score-${scoreColor(session.score)}`} data-testid="session-score">
                  {session.score}
                </div>
              </div>
              <div>
                <Tag>
                  {session.closed ? t('qualityPage.closed') : session.endedAt ? t('qualityPage.quiet') : t('qualityPage.running')}
                </Tag>
                {rating && (
                  <Tag color={rating.score <= 2 ? 'red' : rating.score >= 4 ? 'green' : 'default'}>
                    {en ? rating.en : rating.zh}
                  </Tag>
                )}
              </div>
            </div>
            <Typography.Text strong>{t('qualityPage.hitList', { count: session.hits.length })}</Typography.Text>
            <ul className="quality-hit-list" data-testid="quality-hit-list">
              {session.hits.map((hit) => (
                <li key={hit.id}>
                  <Tag color="red">{t('qualityPage.hitPoints', { points: hit.points })}</Tag>
                  {ruleName(hit)}
                  {hit.quote && <Typography.Text type="secondary">「{hit.quote}」</Typography.Text>}
                </li>
              ))}
            </ul>
            {session.reviews.length > 0 && (
              <>
                <Divider size="small" />
                <Typography.Text strong>{t('qualityPage.reviews')}</Typography.Text>
                {session.reviews.map((r) => (
                  <div key={r.id} className="quality-review-card" data-testid="quality-review">
                    <div>
                      <b>{t('qualityPage.reviewBy', { name: r.reviewer.name, total: r.total })}</b> · {shortTime(r.updatedAt)}
                    </div>
                    <div className="quality-review-scores">
                      {r.scores.map((s) => (
                        <span key={s.item}>
                          {en ? s.name.en : s.name.zh} {s.points}/{s.maxPoints}
                        </span>
                      ))}
                    </div>
                    {r.comment && <div className="quality-review-comment">{r.comment}</div>}
                  </div>
                ))}
              </>
            )}
            {review && (
              <>
                <Divider size="small" />
                <ReviewForm
                  key={session.reviews.find((r) => r.reviewer.id === review.reviewerId)?.updatedAt ?? 'new'}
                  sessionId={session.id}
                  scorecard={review.scorecard}
                  mine={session.reviews.find((r) => r.reviewer.id === review.reviewerId) ?? null}
                  onSaved={(saved) => {
                    const reviews = [
                      ...session.reviews.filter((r) => r.id !== saved.id && r.reviewer.id !== saved.reviewer.id),
                      saved,
                    ];
                    const next = { ...session, reviews };
                    setDetail({ ...detail, session: next });
                    onChanged(next);
                  }}
                />
              </>
            )}
            {!review && session.reviews.length === 0 && session.hits.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </div>
        </div>
      )}
    </Drawer>
  );
}
