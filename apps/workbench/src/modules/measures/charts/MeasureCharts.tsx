import {
  satisfactionReasonWord,
  type MeasuresResponse,
  type ResponseDistribution,
  type SatisfactionBreakdown,
} from '@golddesk/contracts';
import { Alert, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/api-client';
import { currentLanguage } from '../../../platform/i18n';
import { rangeText } from '../drill';
import { ExportButtons } from '../ExportButtons';
import type { DrillRequest } from '../FactsDrawer';
import { presetRange, type FigureKey } from '../measure-figures';
import { fetchDistribution, fetchMeasures, fetchSatisfaction, type MeasureFilter } from '../measures.api';
import { ChartFilters } from './ChartFilters';
import {
  conversionTrend,
  distributionChart,
  fastShareTrend,
  funnelChart,
  hourChart,
  reasonsChart,
  responseTrend,
  rowsByDay,
  satisfactionTrend,
  scoresChart,
} from './chart-options';
import { MeasureChart } from './MeasureChart';
import '../measures.locales';

const HEIGHT = 260;

interface MeasureChartsProps {
  team: boolean;
  now: Date;
  revision: number;
  onDrill: (request: DrillRequest) => void;
}

interface ChartData {
  byDay: MeasuresResponse;
  byHour: MeasuresResponse;
  distribution: ResponseDistribution;
  satisfaction: SatisfactionBreakdown;
}

/** A reason's words in the UI language (an unknown key as it is). */
const reasonName = (reason: string) => satisfactionReasonWord(reason, currentLanguage());

/** 图表: trends by day with the targets, by hour, the response-time distribution, the funnel and satisfaction. */
export function MeasureCharts({ team, now, revision, onDrill }: MeasureChartsProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<MeasureFilter>(() => {
    const [from, to] = presetRange('last7', now);
    return { from, to };
  });
  const [data, setData] = useState<ChartData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([
      fetchMeasures(filter, 'day', signal),
      fetchMeasures(filter, 'hour', signal),
      fetchDistribution(filter, signal),
      fetchSatisfaction(filter, signal),
    ])
      .then(([byDay, byHour, distribution, satisfaction]) => {
        setData({ byDay, byHour, distribution, satisfaction });
        setError(null);
      })
      .catch((caught: unknown) => !signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [filter, revision]);

  // Rebuilt when the language changes too: the series' names and axis words are in the option.
  const options = useMemo(() => {
    if (!data) return null;
    const { targets } = data.byDay;
    return {
      response: responseTrend(data.byDay, targets, t),
      fast: fastShareTrend(data.byDay, targets, t),
      conversion: conversionTrend(data.byDay, targets, t),
      satisfaction: satisfactionTrend(data.byDay, targets, t),
      hour: hourChart(data.byHour, t),
      distribution: distributionChart(data.distribution, t),
      funnel: funnelChart(data.byDay.total, t),
      scores: scoresChart(data.satisfaction, t),
      reasons: reasonsChart(data.satisfaction, reasonName, t),
    };
  }, [data, t, i18n.language]);

  /** The facts of a figure for a day of the trend (the series' day), or for the whole range. */
  const drillDay = (figure: FigureKey, kind: DrillRequest['kind'], dayIndex?: number) => {
    const day = dayIndex === undefined || !data ? undefined : rowsByDay(data.byDay).days[dayIndex];
    // A day of the trend is that day's range: the drill-down and its export then agree.
    const scope = day ? { ...filter, from: day, to: day } : filter;
    onDrill({ kind, filter: scope, narrowing: {}, title: [t(`measures.figure.${figure}`), rangeText(scope)].join(' · ') });
  };

  const total = data?.byDay.total;
  return (
    <div className="measures-charts" data-testid="measures-charts">
      <ChartFilters filter={filter} onChange={setFilter} team={team} now={now} />
      {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
      {!options && !error && <Skeleton active />}
      {options && total && (
        <Row gutter={[12, 12]} className="measures-chart-grid">
          <ChartCard
            title={t('measures.chart.response')}
            empty={total.turns === 0}
            extra={<ExportButtons what={{ table: 'figures', by: 'day' }} filter={filter} testId="charts-day-export" />}
          >
            <MeasureChart
              option={options.response}
              height={HEIGHT}
              testId="chart-response"
              onPick={({ dataIndex, seriesIndex }) =>
                drillDay(seriesIndex === 0 ? 'firstResponseSeconds' : 'averageResponseSeconds', 'turns', dataIndex)
              }
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.fast')} empty={total.turns === 0}>
            <MeasureChart
              option={options.fast}
              height={HEIGHT}
              testId="chart-fast"
              onPick={({ dataIndex }) => drillDay('fastShare', 'turns', dataIndex)}
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.conversion')} empty={total.inquiries === 0}>
            <MeasureChart
              option={options.conversion}
              height={HEIGHT}
              testId="chart-conversion"
              onPick={({ dataIndex }) => drillDay('conversionFinal', 'inquiries', dataIndex)}
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.satisfaction')} empty={total.ratings === 0}>
            <MeasureChart
              option={options.satisfaction}
              height={HEIGHT}
              testId="chart-satisfaction"
              onPick={({ dataIndex }) => drillDay('satisfaction', 'ratings', dataIndex)}
            />
          </ChartCard>
          <ChartCard
            title={t('measures.chart.hour')}
            empty={total.turns === 0}
            extra={<ExportButtons what={{ table: 'figures', by: 'hour' }} filter={filter} testId="charts-hour-export" />}
          >
            <MeasureChart
              option={options.hour}
              height={HEIGHT}
              testId="chart-hour"
              onPick={({ dataIndex }) =>
                onDrill({
                  kind: 'turns',
                  filter,
                  narrowing: { hour: dataIndex },
                  title: [t('measures.chart.hourOf', { hour: dataIndex }), rangeText(filter)].join(' · '),
                })
              }
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.distribution')} empty={total.turns === 0}>
            <MeasureChart
              option={options.distribution}
              height={HEIGHT}
              testId="chart-distribution"
              onPick={() => drillDay('averageResponseSeconds', 'turns')}
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.funnel')} empty={total.inquiries === 0}>
            <MeasureChart
              option={options.funnel}
              height={HEIGHT}
              testId="chart-funnel"
              onPick={() => drillDay('conversionFinal', 'inquiries')}
            />
          </ChartCard>
          <ChartCard title={t('measures.chart.scores')} empty={total.ratings === 0}>
            <div className="measures-split">
              <MeasureChart
                option={options.scores}
                height={HEIGHT}
                testId="chart-scores"
                onPick={() => drillDay('satisfaction', 'ratings')}
              />
              {data && data.satisfaction.reasons.length > 0 && (
                <MeasureChart
                  option={options.reasons}
                  height={HEIGHT}
                  testId="chart-reasons"
                  onPick={() => drillDay('satisfaction', 'ratings')}
                />
              )}
            </div>
          </ChartCard>
        </Row>
      )}
    </div>
  );
}

/** Half a row (a whole one on a narrow window): the chart's card, or a quiet "nothing counted" in its place. */
function ChartCard({ title, extra, empty, children }: { title: string; extra?: ReactNode; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} xl={12}>
      <Card size="small" title={title} extra={extra} className="measures-chart-card">
        {empty ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('measures.chart.empty')}
            style={{ height: HEIGHT, margin: 0, paddingTop: 60 }}
          />
        ) : (
          children
        )}
      </Card>
    </Col>
  );
}
