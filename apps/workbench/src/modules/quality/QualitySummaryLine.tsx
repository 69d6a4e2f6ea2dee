import type { QualitySummary } from '@golddesk/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 共 N 次接待 · 自动评分平均 X · 已人工评分 M 次 · 人工平均 Y */
export function QualitySummaryLine({ summary }: { summary: QualitySummary }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="quality-summary">
      {t('qualityPage.summary', {
        sessions: summary.sessions,
        average: summary.averageScore ?? '—',
        reviewed: summary.reviewed,
      })}
      {summary.averageReview !== null && t('qualityPage.summaryReview', { average: summary.averageReview })}
    </Typography.Text>
  );
}
