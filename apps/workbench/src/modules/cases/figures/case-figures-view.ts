import { formatFen, type CaseFigures } from '@golddesk/contracts';
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../../platform/ui/Chart';
import { STATE_COLOR, type useCaseWords } from '../case-words';

type Words = ReturnType<typeof useCaseWords>;

/** One headline number: what the KPI row shows and the CSV's overview lists. */
export interface FigureKpi {
  key: string;
  title: string;
  /** null: nothing to measure yet (no case closed in the period). */
  value: number | null;
  precision?: number;
  prefix?: string;
  suffix?: string;
  /** The unit named in the CSV's column, e.g. 小时 / %. */
  unit?: string;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** 售后单, 平均处理时长, 时效内完成, 超时未结, 退款金额. */
export function figureKpis(figures: CaseFigures, t: TFunction): FigureKpi[] {
  return [
    { key: 'total', title: t('cases.figures.total'), value: figures.total },
    {
      key: 'resolveHours',
      title: t('cases.figures.resolveHours'),
      value: figures.averageResolveHours,
      precision: 1,
      suffix: t('cases.figures.hours'),
      unit: t('cases.figures.hours'),
    },
    {
      key: 'withinSla',
      title: t('cases.figures.withinSla'),
      value: percent(figures.withinSlaShare),
      precision: 1,
      suffix: '%',
      unit: '%',
    },
    { key: 'overdueOpen', title: t('cases.figures.overdueOpen'), value: figures.overdueOpen },
    {
      key: 'refund',
      title: t('cases.figures.refund'),
      value: figures.refundFen / 100,
      precision: 2,
      prefix: '¥',
      unit: '¥',
    },
  ];
}

// The tag colours of the case list (antd presets) as chart colours, so a state looks the same on both.
const PRESET_HEX: Record<string, string> = {
  orange: '#fa8c16',
  gold: '#faad14',
  blue: '#1677ff',
  cyan: '#13c2c2',
  purple: '#722ed1',
  green: '#52c41a',
  red: '#f5222d',
  default: '#bfbfbf',
};
const OPEN_COLOR = '#fa8c16';
const CLOSED_COLOR = '#52c41a';
const GOODWILL_COLOR = '#f5222d';

// Category bars lie down: type and state words are long for a third of the page.
const lyingBars = (labels: string[]): Pick<ChartOption, 'grid' | 'xAxis' | 'yAxis'> => ({
  grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: labels, inverse: true },
});

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The three charts: cases by type (open / closed stacked), by state, goodwill per agent (¥). */
export function figureCharts(
  figures: CaseFigures,
  words: Words,
  t: TFunction,
): Record<'byType' | 'byState' | 'goodwill', ChartOption> {
  const open = t('cases.figures.open');
  const closed = t('cases.figures.closed');
  const agents = figures.compensationByAgent;
  return {
    byType: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [open, closed], top: 0 },
      ...lyingBars(figures.byType.map((row) => words.type(row.type))),
      series: [
        {
          name: open,
          type: 'bar',
          stack: 'cases',
          data: figures.byType.map((row) => row.open),
          itemStyle: { color: OPEN_COLOR },
        },
        {
          name: closed,
          type: 'bar',
          stack: 'cases',
          data: figures.byType.map((row) => row.closed),
          itemStyle: { color: CLOSED_COLOR },
        },
      ],
    },
    byState: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      ...lyingBars(figures.byState.map((row) => words.state(row.state))),
      series: [
        {
          name: t('cases.figures.cases'),
          type: 'bar',
          label: { show: true, position: 'right' },
          data: figures.byState.map((row) => ({ value: row.count, itemStyle: { color: PRESET_HEX[STATE_COLOR[row.state]] } })),
        },
      ],
    },
    goodwill: {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const [point] = params as { dataIndex: number }[];
          const row = agents[point!.dataIndex]!;
          return `${escapeHtml(row.name)}<br/>${formatFen(row.amountFen)} · ${t('cases.figures.count')} ${row.count}`;
        },
      },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: agents.map((row) => row.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: '¥{value}' } },
      series: [
        {
          name: t('cases.figures.amount'),
          type: 'bar',
          barMaxWidth: 40,
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => `¥${String(p.value)}` },
          data: agents.map((row) => row.amountFen / 100),
          itemStyle: { color: GOODWILL_COLOR },
        },
      ],
    },
  };
}

/** The figures as CSV rows, one section per table (overview, by type, by state, goodwill by agent). */
export function figureCsvRows(figures: CaseFigures, words: Words, t: TFunction): (string | number)[][] {
  const withUnit = (kpi: FigureKpi) => (kpi.unit ? `${kpi.title} (${kpi.unit})` : kpi.title);
  return [
    [t('cases.figures.title'), `${t('cases.figures.csv.period')} ${figures.from} ~ ${figures.to}`],
    [],
    [t('cases.figures.csv.overview')],
    [t('cases.figures.csv.metric'), t('cases.figures.csv.value')],
    ...figureKpis(figures, t).map((kpi) => [withUnit(kpi), kpi.value === null ? '' : kpi.value.toFixed(kpi.precision ?? 0)]),
    [],
    [t('cases.figures.byType')],
    [t('cases.figures.csv.type'), t('cases.figures.open'), t('cases.figures.closed'), t('cases.figures.csv.sum')],
    ...figures.byType.map((row) => [words.type(row.type), row.open, row.closed, row.open + row.closed]),
    [],
    [t('cases.figures.byState')],
    [t('cases.figures.csv.state'), t('cases.figures.cases')],
    ...figures.byState.map((row) => [words.state(row.state), row.count]),
    [],
    [t('cases.figures.goodwill')],
    [t('cases.figures.agent'), t('cases.figures.count'), t('cases.figures.amount')],
    ...figures.compensationByAgent.map((row) => [row.name, row.count, formatFen(row.amountFen, { sign: false })]),
  ];
}
