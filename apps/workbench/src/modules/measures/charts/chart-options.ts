import {
  RESPONSE_BUCKETS,
  satisfactionLevelWord,
  type MeasureRow,
  type MeasuresResponse,
  type MeasureTargets,
  type ResponseDistribution,
  type SatisfactionBreakdown,
} from '@golddesk/contracts';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../../platform/i18n';
import { daysBetween, formatSeconds, formatShare } from '../measure-figures';
import type { MeasureChartOption } from './MeasureChart';

// One palette for the page: response blue, fast green, conversion orange (the shop's colour), satisfaction purple.
export const COLORS = {
  first: '#1677ff',
  average: '#13c2c2',
  fast: '#52c41a',
  slow: '#fa8c16',
  late: '#f5222d',
  conversion: '#ff6a00',
  sameDay: '#ffc069',
  volume: '#d9d9d9',
  satisfaction: '#722ed1',
  target: '#f5222d',
};
const SCORE_COLORS: Record<number, string> = { 5: '#389e0d', 4: '#95de64', 3: '#fadb14', 2: '#fa8c16', 1: '#f5222d' };

const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const percentOf = (share: number | null) => (share === null ? null : Number((share * 100).toFixed(1)));
const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };

/** The rows of a by-day table for every day of the range (a day with nothing counted is a gap, not a zero). */
export function rowsByDay(response: MeasuresResponse): { days: string[]; rows: (MeasureRow | null)[] } {
  const byKey = new Map(response.rows.map((row) => [row.key, row]));
  const days = daysBetween(response.from, response.to);
  return { days, rows: days.map((day) => byKey.get(day) ?? null) };
}

/** The hours 0–23 of a by-hour table (an hour nobody wrote in counts nothing). */
export function rowsByHour(response: MeasuresResponse): (MeasureRow | null)[] {
  const byKey = new Map(response.rows.map((row) => [Number(row.key), row]));
  return Array.from({ length: 24 }, (_unused, hour) => byKey.get(hour) ?? null);
}

/** A dashed target line on the value axis, labelled with the target's words (at the start or the end, so two don't overlap). */
function targetLine(value: number | null, label: string, at: 'start' | 'end' = 'end') {
  if (value === null) return undefined;
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: COLORS.target, type: 'dashed' as const, width: 1.5 },
    label: {
      formatter: label,
      position: at === 'end' ? ('insideEndTop' as const) : ('insideStartTop' as const),
      color: COLORS.target,
    },
    data: [{ yAxis: value }],
  };
}

/** A seconds axis stepping in whole half-minutes or minutes, so its ticks read "1 分", "2 分" rather than "1 分 40 秒". */
function secondsAxis(values: readonly (number | null)[]) {
  const top = Math.max(30, ...values.filter((value): value is number => value !== null));
  const step = [15, 30, 60, 120, 300, 600].find((candidate) => top / candidate <= 6) ?? 600;
  return {
    type: 'value' as const,
    interval: step,
    max: Math.ceil(top / step) * step,
    axisLabel: { formatter: (value: number) => formatSeconds(value) },
  };
}

const dayLabel = (day: string) => day.slice(5);

/** 响应时间趋势: first and average response per day, with the shop's targets as dashed lines. */
export function responseTrend(byDay: MeasuresResponse, targets: MeasureTargets, t: TFunction): MeasureChartOption {
  const { days, rows } = rowsByDay(byDay);
  const seconds = (value: number | null) => (value === null ? null : Math.round(value));
  const first = rows.map((row) => seconds(row?.firstResponseSeconds ?? null));
  const average = rows.map((row) => seconds(row?.averageResponseSeconds ?? null));
  return {
    color: [COLORS.first, COLORS.average],
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? formatSeconds(value) : '—') },
    xAxis: { type: 'category', data: days.map(dayLabel) },
    yAxis: secondsAxis([...first, ...average, targets.firstResponseSeconds, targets.averageResponseSeconds]),
    series: [
      {
        type: 'line',
        name: t('measures.figure.firstResponseSeconds'),
        data: first,
        connectNulls: true,
        markLine: targetLine(
          targets.firstResponseSeconds,
          t('measures.chart.targetOf', { value: formatSeconds(targets.firstResponseSeconds ?? 0) }),
          'start',
        ),
      },
      {
        type: 'line',
        name: t('measures.figure.averageResponseSeconds'),
        data: average,
        connectNulls: true,
        markLine: targetLine(
          targets.averageResponseSeconds,
          t('measures.chart.targetOf', { value: formatSeconds(targets.averageResponseSeconds ?? 0) }),
        ),
      },
    ],
  };
}

/** 3 分钟响应率: the share of turns answered within 3 minutes per day, with the 80% line (or the shop's target). */
export function fastShareTrend(byDay: MeasuresResponse, targets: MeasureTargets, t: TFunction): MeasureChartOption {
  const { days, rows } = rowsByDay(byDay);
  return {
    color: [COLORS.fast],
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
    xAxis: { type: 'category', data: days.map(dayLabel) },
    yAxis: percentAxis,
    series: [
      {
        type: 'line',
        name: t('measures.figure.fastShare'),
        data: rows.map((row) => percentOf(row?.fastShare ?? null)),
        connectNulls: true,
        areaStyle: { opacity: 0.12 },
        markLine: targetLine(
          percentOf(targets.fastShare),
          t('measures.chart.targetOf', { value: formatShare(targets.fastShare ?? 0) }),
        ),
      },
    ],
  };
}

/** 询单转化: inquiries per day (bars) and the same-day and final conversion (lines), with the target. */
export function conversionTrend(byDay: MeasuresResponse, targets: MeasureTargets, t: TFunction): MeasureChartOption {
  const { days, rows } = rowsByDay(byDay);
  return {
    color: [COLORS.volume, COLORS.sameDay, COLORS.conversion],
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map(dayLabel) },
    yAxis: [percentAxis, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { type: 'bar', name: t('measures.figure.inquiries'), yAxisIndex: 1, data: rows.map((row) => row?.inquiries ?? 0) },
      {
        type: 'line',
        name: t('measures.figure.conversionSameDay'),
        data: rows.map((row) => percentOf(row?.conversionSameDay ?? null)),
        connectNulls: true,
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
      },
      {
        type: 'line',
        name: t('measures.figure.conversionFinal'),
        data: rows.map((row) => percentOf(row?.conversionFinal ?? null)),
        connectNulls: true,
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
        markLine: targetLine(
          percentOf(targets.conversionFinal),
          t('measures.chart.targetOf', { value: formatShare(targets.conversionFinal ?? 0) }),
        ),
      },
    ],
  };
}

/** 满意度趋势: ratings per day (bars) and the satisfied share (line), with the target. */
export function satisfactionTrend(byDay: MeasuresResponse, targets: MeasureTargets, t: TFunction): MeasureChartOption {
  const { days, rows } = rowsByDay(byDay);
  return {
    color: [COLORS.volume, COLORS.satisfaction],
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map(dayLabel) },
    yAxis: [percentAxis, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { type: 'bar', name: t('measures.figure.ratings'), yAxisIndex: 1, data: rows.map((row) => row?.ratings ?? 0) },
      {
        type: 'line',
        name: t('measures.figure.satisfaction'),
        data: rows.map((row) => percentOf(row?.satisfaction ?? null)),
        connectNulls: true,
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
        markLine: targetLine(
          percentOf(targets.satisfaction),
          t('measures.chart.targetOf', { value: formatShare(targets.satisfaction ?? 0) }),
        ),
      },
    ],
  };
}

/** 按小时: turns per hour of the day (bars) and their average response (line). */
export function hourChart(byHour: MeasuresResponse, t: TFunction): MeasureChartOption {
  const rows = rowsByHour(byHour);
  const average = rows.map((row) => (row?.averageResponseSeconds == null ? null : Math.round(row.averageResponseSeconds)));
  return {
    color: [COLORS.first, COLORS.slow],
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((_row, hour) => `${hour}`) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { ...secondsAxis(average), splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('measures.figure.turns'), data: rows.map((row) => row?.turns ?? 0) },
      {
        type: 'line',
        name: t('measures.figure.averageResponseSeconds'),
        yAxisIndex: 1,
        data: average,
        connectNulls: true,
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? formatSeconds(value) : '—') },
      },
    ],
  };
}

/** A bucket's words: ≤15 秒 … ≤10 分, then 超 10 分 / 未回复. */
export function bucketLabel(upToSeconds: number | null, t: TFunction): string {
  if (upToSeconds === null) return t('measures.chart.overCap', { value: formatSeconds(RESPONSE_BUCKETS.at(-1)!) });
  return `≤${formatSeconds(upToSeconds)}`;
}

/** 响应时间分布: counted turns per bucket, green within 3 minutes, orange to 10, red past it or unanswered. */
export function distributionChart(distribution: ResponseDistribution, t: TFunction): MeasureChartOption {
  const color = (upTo: number | null) => (upTo === null ? COLORS.late : upTo <= 180 ? COLORS.fast : COLORS.slow);
  return {
    grid: { ...GRID, top: 16 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: distribution.buckets.map((bucket) => bucketLabel(bucket.upToSeconds, t)),
      // Every bucket named, a long one on two lines.
      axisLabel: { interval: 0, width: 72, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('measures.figure.turns'),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: distribution.buckets.map((bucket) => ({
          value: bucket.turns,
          itemStyle: { color: color(bucket.upToSeconds) },
        })),
      },
    ],
  };
}

/** 询单漏斗: asked → ordered → paid (final), each step with its share of those who asked. */
export function funnelChart(total: MeasureRow, t: TFunction): MeasureChartOption {
  const steps = [
    { name: t('measures.funnel.asked'), value: total.inquiries },
    { name: t('measures.funnel.ordered'), value: total.ordered },
    { name: t('measures.funnel.paid'), value: total.paidFinal },
  ];
  const share = (value: number) => (total.inquiries > 0 ? formatShare(value / total.inquiries) : '—');
  return {
    color: [COLORS.first, COLORS.sameDay, COLORS.conversion],
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 16,
        bottom: 8,
        minSize: '18%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: (params) => `${params.name}  ${params.value}（${share(Number(params.value))}）`,
          color: '#fff',
          fontWeight: 600,
        },
        data: steps,
      },
    ],
  };
}

/** 满意度评分: ratings by score, 很满意 first. */
export function scoresChart(breakdown: SatisfactionBreakdown, t: TFunction): MeasureChartOption {
  const scores = [5, 4, 3, 2, 1].map((score) => ({
    score,
    ratings: breakdown.scores.find((entry) => entry.score === score)?.ratings ?? 0,
  }));
  return {
    grid: { ...GRID, top: 16 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: scores.map(({ score }) => satisfactionLevelWord(score, currentLanguage())),
      axisLabel: { interval: 0, width: 56, overflow: 'break', fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('measures.figure.ratings'),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: scores.map(({ score, ratings }) => ({ value: ratings, itemStyle: { color: SCORE_COLORS[score] } })),
      },
    ],
  };
}

/** 评价原因: ratings per reason the buyers picked, most frequent on top. */
export function reasonsChart(
  breakdown: SatisfactionBreakdown,
  reasonName: (reason: string) => string,
  t: TFunction,
): MeasureChartOption {
  const reasons = [...breakdown.reasons].sort((a, b) => b.ratings - a.ratings).slice(0, 10);
  return {
    color: [COLORS.satisfaction],
    grid: { ...GRID, top: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: reasons.map((entry) => reasonName(entry.reason)) },
    series: [
      {
        type: 'bar',
        name: t('measures.figure.ratings'),
        barMaxWidth: 20,
        label: { show: true, position: 'right' },
        data: reasons.map((entry) => entry.ratings),
      },
    ],
  };
}
