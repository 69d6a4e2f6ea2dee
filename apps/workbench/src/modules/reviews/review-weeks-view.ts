import { ReviewLevel, ReviewOutcome, type ReviewWeeksResponse } from '@golddesk/contracts';
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../platform/ui/Chart';
import { LEVEL_HEX, OUTCOME_HEX, type useReviewWords } from './review-words';

type Words = ReturnType<typeof useReviewWords>;
type Week = ReviewWeeksResponse['weeks'][number];

// Good at the bottom of the stack, bad on top where the eye lands.
const LEVELS: readonly ReviewLevel[] = ['good', 'mid', 'bad'];
const OUTCOMES: readonly ReviewOutcome[] = ReviewOutcome.options;

const grid: ChartOption['grid'] = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };

/** Whether the weeks hold any review at all. */
export const anyReview = (weeks: readonly Week[]) => weeks.some((w) => w.good + w.mid + w.bad > 0);

/** Two charts over the weeks: reviews stacked by level, and 中差评 follow-ups stacked by outcome (and still open). */
export function reviewWeekCharts(weeks: readonly Week[], words: Words, t: TFunction): Record<'levels' | 'outcomes', ChartOption> {
  // Weeks start on a Monday: 11-02 reads better than 2026-11-02 under a bar.
  const labels = weeks.map((w) => w.weekStart.slice(5));
  const xAxis: ChartOption['xAxis'] = { type: 'category', data: labels, axisTick: { alignWithLabel: true } };
  const tooltip: ChartOption['tooltip'] = {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    // The axis shows MM-DD; the tooltip names the week.
    formatter: (params: unknown) => {
      const points = params as { dataIndex: number; marker: string; seriesName: string; value: number }[];
      const week = weeks[points[0]?.dataIndex ?? 0];
      const head = week ? t('reviews.weeks.week', { date: week.weekStart }) : '';
      return [head, ...points.map((p) => `${p.marker}${p.seriesName} <b>${p.value}</b>`)].join('<br/>');
    },
  };
  const open = t('reviews.weeks.open');
  return {
    levels: {
      tooltip,
      legend: { top: 0, data: LEVELS.map((level) => words.level(level)) },
      grid,
      xAxis,
      yAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: LEVELS.map((level) => ({
        name: words.level(level),
        type: 'bar',
        stack: 'levels',
        barMaxWidth: 28,
        data: weeks.map((w) => w[level]),
        itemStyle: { color: LEVEL_HEX[level] },
      })),
    },
    outcomes: {
      tooltip,
      legend: { top: 0, data: [open, ...OUTCOMES.map((outcome) => words.outcome(outcome))] },
      grid,
      xAxis,
      yAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        {
          name: open,
          type: 'bar',
          stack: 'outcomes',
          barMaxWidth: 28,
          data: weeks.map((w) => w.open),
          itemStyle: { color: OUTCOME_HEX.open },
        },
        ...OUTCOMES.map((outcome) => ({
          name: words.outcome(outcome),
          type: 'bar' as const,
          stack: 'outcomes',
          barMaxWidth: 28,
          data: weeks.map((w) => w[outcome]),
          itemStyle: { color: OUTCOME_HEX[outcome] },
        })),
      ],
    },
  };
}
