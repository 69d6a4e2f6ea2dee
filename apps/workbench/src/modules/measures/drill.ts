import type { MeasureGrouping, MeasureRow } from '@golddesk/contracts';
import { i18next } from '../../platform/i18n';
import type { DrillRequest } from './FactsDrawer';
import { FIGURES, type FigureKey } from './measure-figures';
import type { MeasureFilter } from './measures.api';

/** A range as words: one day alone, or "from ~ to". */
export const rangeText = (filter: Pick<MeasureFilter, 'from' | 'to'>) =>
  filter.from === filter.to ? filter.from : `${filter.from} ~ ${filter.to}`;

/**
 * The drill-down of a clicked cell: the figure's facts under the table's filters, narrowed to the cell's row (an
 * agent's or group's row narrows to them, a day's or hour's row to it; the total row keeps the table's filters).
 */
export function drillOf(
  figure: FigureKey,
  row: MeasureRow | null,
  by: MeasureGrouping,
  filter: MeasureFilter,
  rowLabel: string | null,
): DrillRequest {
  const narrowed: DrillRequest = { kind: FIGURES[figure].facts, filter: { ...filter }, narrowing: {}, title: '' };
  if (row && by === 'agent') narrowed.filter.agentId = row.key;
  if (row && by === 'group') narrowed.filter.group = row.key;
  // A day's row is that day's range: the drill-down and its export then agree.
  if (row && by === 'day') narrowed.filter = { ...narrowed.filter, from: row.key, to: row.key };
  if (row && by === 'hour') narrowed.narrowing.hour = Number(row.key);
  const where = row ? rowLabel : i18next.t('measures.total');
  const when = rangeText(narrowed.filter);
  narrowed.title = [i18next.t(`measures.figure.${figure}`), where, when].filter(Boolean).join(' · ');
  return narrowed;
}
