import type { MeasureGrouping, MeasureRow, MeasuresResponse } from '@golddesk/contracts';
import { Alert, Card, Skeleton } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../platform/api-client';
import { ExportButtons } from './ExportButtons';
import { FiguresTable } from './FiguresTable';
import type { FigureKey } from './measure-figures';
import { fetchMeasures, type MeasureFilter } from './measures.api';

interface FiguresCardProps {
  title: ReactNode;
  filter: MeasureFilter;
  by: MeasureGrouping;
  /** The team's total row under the table. */
  showTotal: boolean;
  /** Bumped to read the figures again (the targets changed). */
  revision: number;
  rowLabel: (row: MeasureRow) => string;
  onDrill: (figure: FigureKey, row: MeasureRow | null) => void;
  testId: string;
}

/** A figures table in its card: fetched for the filter, with 导出 CSV / Excel of the same table. */
export function FiguresCard({ title, filter, by, showTotal, revision, rowLabel, onDrill, testId }: FiguresCardProps) {
  const [response, setResponse] = useState<MeasuresResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { from, to, agentId, group } = filter;

  useEffect(() => {
    const controller = new AbortController();
    fetchMeasures({ from, to, agentId, group }, by, controller.signal)
      .then((next) => {
        setResponse(next);
        setError(null);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [from, to, agentId, group, by, revision]);

  return (
    <Card
      size="small"
      className="measures-card"
      data-testid={testId}
      title={title}
      extra={<ExportButtons what={{ table: 'figures', by }} filter={filter} testId={`${testId}-export`} />}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!response && !error && <Skeleton active paragraph={{ rows: 3 }} />}
      {response && (
        <FiguresTable
          response={response}
          showTotal={showTotal}
          rowLabel={rowLabel}
          onDrill={onDrill}
          testId={`${testId}-table`}
        />
      )}
    </Card>
  );
}
