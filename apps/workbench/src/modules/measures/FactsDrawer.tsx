import type { MeasureFactKind, MeasureFactsResponse } from '@golddesk/contracts';
import { Alert, Drawer, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { navigate } from '../../platform/navigation';
import { ExportButtons } from './ExportButtons';
import { factColumnTitle, factColumnWidth, factLink, factText } from './fact-cells';
import { fetchFacts, type FactsNarrowing, type MeasureFilter } from './measures.api';

const PAGE_SIZE = 20;

/** What a drill-down shows: one kind of facts under the clicked cell's filters, and the words for its title. */
export interface DrillRequest {
  kind: MeasureFactKind;
  filter: MeasureFilter;
  narrowing: FactsNarrowing;
  /** The figure's name and the row's (e.g. 平均响应 · 小美 · 2026-11-05). */
  title: string;
}

type FactRow = { index: number; values: MeasureFactsResponse['rows'][number] };

/** The rows behind a figure, a page at a time from the server, with their export; ids lead to the conversation or order. */
export function FactsDrawer({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [facts, setFacts] = useState<MeasureFactsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setPage(1);
    setFacts(null);
  }, [request]);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    setLoading(true);
    fetchFacts(
      request.kind,
      { ...request.filter, ...request.narrowing },
      { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      controller.signal,
    )
      .then((next) => {
        setFacts(next);
        setError(null);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [request, page]);

  const columns: ColumnsType<FactRow> = (facts?.columns ?? []).map((column, position) => ({
    key: column,
    title: factColumnTitle(column),
    width: factColumnWidth(column),
    ellipsis: true,
    render: (_value, row) => {
      const value = row.values[position] ?? null;
      const link = typeof value === 'string' ? factLink(column, value) : null;
      if (link) {
        return (
          <Typography.Link onClick={() => navigate(link)} data-testid={`fact-link-${column}`}>
            {t('measures.drill.open')}
          </Typography.Link>
        );
      }
      return <span title={factText(column, value)}>{factText(column, value)}</span>;
    },
  }));

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size={960}
      title={request?.title}
      destroyOnHidden
      extra={
        request && (
          <ExportButtons
            what={{ table: request.kind, hour: request.narrowing.hour }}
            filter={request.filter}
            testId="facts-export"
          />
        )
      }
      data-testid="facts-drawer"
    >
      {request && (
        <Typography.Paragraph type="secondary" className="measures-drill-hint">
          {t(`measures.facts.about.${request.kind}`)}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<FactRow>
        size="small"
        rowKey="index"
        columns={columns}
        loading={loading}
        dataSource={(facts?.rows ?? []).map((values, index) => ({ index, values }))}
        scroll={{ x: (facts?.columns ?? []).reduce((sum, column) => sum + factColumnWidth(column), 0) }}
        locale={{ emptyText: t('measures.facts.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: facts?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('measures.facts.total', { count: total }),
          onChange: setPage,
        }}
        data-testid="facts-table"
      />
    </Drawer>
  );
}
