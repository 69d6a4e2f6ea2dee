import { chinaTimeOf, type CaseFigures as Figures } from '@golddesk/contracts';
import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/api-client';
import { downloadCsv } from '../../../platform/csv-file';
import { onStreamFrame } from '../../../platform/realtime';
import { Chart } from '../../../platform/ui/Chart';
import { useCaseWords } from '../case-words';
import { fetchCaseFigures } from '../cases.api';
import { figureCharts, figureCsvRows, figureKpis } from './case-figures-view';
import './case-figures.locales';

const DAY_MS = 24 * 3600_000;
/** A China-time day (YYYY-MM-DD) `daysAgo` days before today. */
const chinaDay = (daysAgo: number) => chinaTimeOf(new Date(Date.now() - daysAgo * DAY_MS)).date;
/** The last `days` days up to today (China time). */
const lastDays = (days: number): [string, string] => [chinaDay(days - 1), chinaDay(0)];
// Case frames come in bursts (a transition, its task, its timeline): one re-read for each quiet moment.
const REFRESH_DEBOUNCE_MS = 1500;
const CHART_HEIGHT = 240;

/** Re-counts whenever a case.updated frame arrives, at most once per quiet moment. */
function useCaseChangeCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: number | undefined;
    const stop = onStreamFrame((frame) => {
      if (frame.type !== 'case.updated') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setCount((n) => n + 1), REFRESH_DEBOUNCE_MS);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, []);
  return count;
}

/**
 * 售后数据 (owner, manager): cases opened in a period — the headline numbers, cases by type (open / closed) and by state,
 * goodwill per agent — and 导出 to CSV. Follows case.updated frames.
 */
export function CaseFigures() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const words = useCaseWords();
  const [range, setRange] = useState<[string, string]>(() => lastDays(30));
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changes = useCaseChangeCount();

  useEffect(() => {
    const controller = new AbortController();
    fetchCaseFigures(range[0], range[1], controller.signal)
      .then((next) => {
        setFigures(next);
        setError(null);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [range, changes]);

  const charts = useMemo(() => figures && figureCharts(figures, words, t), [figures, words, t]);
  const kpis = figures ? figureKpis(figures, t) : [];

  function exportCsv() {
    if (!figures) return;
    const file = t('cases.figures.csv.file', { from: figures.from, to: figures.to });
    downloadCsv(file, figureCsvRows(figures, words, t));
    void message.success(t('cases.figures.exported', { file }));
  }

  const today = dayjs(chinaDay(0));
  const presets = ([7, 30, 90] as const).map((days) => ({
    label: t(`cases.figures.last${days}`),
    value: lastDays(days).map((day) => dayjs(day)) as [Dayjs, Dayjs],
  }));

  return (
    <Card
      variant="borderless"
      className="cases-figures"
      data-testid="case-figures"
      title={
        <span className="team-title">
          <BarChartOutlined />
          {t('cases.figures.title')}
        </span>
      }
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            size="small"
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            presets={presets}
            disabledDate={(day) => day.isAfter(today, 'day')}
            onChange={(days) => days?.[0] && days[1] && setRange([days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')])}
            data-testid="case-figures-range"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={!figures}
            onClick={exportCsv}
            data-testid="case-figures-export"
          >
            {t('cases.figures.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" className="case-figures-hint">
        {t('cases.figures.hint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!figures && !error && <Skeleton active />}
      {figures && charts && (
        <>
          <div className="case-figures-kpis" data-testid="case-figures-kpis">
            {kpis.map((kpi) => (
              <Statistic
                key={kpi.key}
                title={kpi.title}
                value={kpi.value ?? '—'}
                precision={kpi.value === null ? undefined : kpi.precision}
                prefix={kpi.value === null ? undefined : kpi.prefix}
                suffix={kpi.value === null ? undefined : kpi.suffix}
                data-testid={`case-figure-${kpi.key}`}
              />
            ))}
          </div>
          {figures.total === 0 && figures.compensationByAgent.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.figures.none')} />
          ) : (
            <Row gutter={16}>
              <FigureChart title={t('cases.figures.byType')} empty={figures.byType.length === 0}>
                <Chart option={charts.byType} height={CHART_HEIGHT} testId="case-figures-by-type" />
              </FigureChart>
              <FigureChart title={t('cases.figures.byState')} empty={figures.byState.length === 0}>
                <Chart option={charts.byState} height={CHART_HEIGHT} testId="case-figures-by-state" />
              </FigureChart>
              <FigureChart title={t('cases.figures.goodwill')} empty={figures.compensationByAgent.length === 0}>
                <Chart option={charts.goodwill} height={CHART_HEIGHT} testId="case-figures-goodwill" />
              </FigureChart>
            </Row>
          )}
        </>
      )}
    </Card>
  );
}

/** A third of the row: the chart's title, then the chart or a quiet "no data". */
function FigureChart({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={8}>
      <div className="case-figures-chart-title">{title}</div>
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('cases.figures.none')}
          className="case-figures-empty"
          style={{ height: CHART_HEIGHT }}
        />
      ) : (
        children
      )}
    </Col>
  );
}
