import type { QualitySampleMode, QualityScorecard, QualitySessionsResponse, QualitySessionView } from '@golddesk/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { fetchSample, type QualityRange } from './quality-inspection.api';
import { lastDays } from './quality-view';
import { QualityFilters } from './QualityFilters';
import { QualitySummaryLine } from './QualitySummaryLine';
import { SessionDrawer } from './SessionDrawer';
import { SessionsTable } from './SessionsTable';

const MODES: QualitySampleMode[] = ['random', 'low_score', 'bad_rating'];
const LIMITS = [10, 20, 50, 100];

/** 抽检 (managers): pick the days, an agent and a way to sample; open a session to read it and score it. */
export function SampleTab({ scorecard, reviewerId }: { scorecard: QualityScorecard | null; reviewerId: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<QualityRange>(() => lastDays(7));
  const [mode, setMode] = useState<QualitySampleMode>('low_score');
  const [limit, setLimit] = useState(20);
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<QualitySessionsResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchSample(range, mode, limit, controller.signal)
      .then(setResult, (caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [range, mode, limit, round]);

  const replace = (changed: QualitySessionView) =>
    setResult((current) => current && { ...current, sessions: current.sessions.map((s) => (s.id === changed.id ? changed : s)) });

  return (
    <div data-testid="quality-sample">
      <Space wrap className="quality-toolbar">
        <QualityFilters range={range} onChange={setRange} pickAgent />
        <Segmented
          value={mode}
          onChange={(value) => setMode(value as QualitySampleMode)}
          options={MODES.map((m) => ({ value: m, label: <span data-testid={`sample-${m}`}>{t(`qualityPage.mode.${m}`)}</span> }))}
        />
        <Select
          value={limit}
          onChange={setLimit}
          style={{ width: 120 }}
          options={LIMITS.map((n) => ({ value: n, label: t('qualityPage.limit', { count: n }) }))}
          data-testid="sample-limit"
        />
        {mode === 'random' && (
          <Button icon={<ReloadOutlined />} onClick={() => setRound((n) => n + 1)} data-testid="sample-again">
            {t('qualityPage.resample')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="quality-error" />}
      {result && (
        <div className="quality-summary-line">
          <QualitySummaryLine summary={result.summary} />
        </div>
      )}
      <SessionsTable
        sessions={result?.sessions ?? []}
        loading={loading}
        showAgent
        action="score"
        emptyText={t('qualityPage.empty')}
        onOpen={(s) => setOpen(s.id)}
      />
      <SessionDrawer
        sessionId={open}
        review={scorecard ? { scorecard, reviewerId } : null}
        onClose={() => setOpen(null)}
        onChanged={replace}
      />
    </div>
  );
}
