import type { QualitySessionsResponse } from '@golddesk/contracts';
import { Alert, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { fetchMine, type QualityRange } from './quality-inspection.api';
import { lastDays } from './quality-view';
import { QualityFilters } from './QualityFilters';
import { QualitySummaryLine } from './QualitySummaryLine';
import { SessionDrawer } from './SessionDrawer';
import { SessionsTable } from './SessionsTable';

/** 我的质检: the agent's own sessions with their scores, hits and the managers' reviews; a manager may pick an agent. */
export function MineTab({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<QualityRange>(() => lastDays(7));
  const [result, setResult] = useState<QualitySessionsResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchMine(range, controller.signal)
      .then(setResult, (caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [range]);

  return (
    <div data-testid="quality-mine">
      <Space wrap className="quality-toolbar">
        <QualityFilters range={range} onChange={setRange} pickAgent={team} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {result && (
        <div className="quality-summary-line">
          <QualitySummaryLine summary={result.summary} />
        </div>
      )}
      <SessionsTable
        sessions={result?.sessions ?? []}
        loading={loading}
        showAgent={false}
        action="open"
        emptyText={t('qualityPage.emptyMine')}
        onOpen={(s) => setOpen(s.id)}
      />
      <SessionDrawer sessionId={open} review={null} onClose={() => setOpen(null)} onChanged={() => undefined} />
    </div>
  );
}
