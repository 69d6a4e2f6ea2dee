import { formatFen, satisfactionLevelWord, satisfactionReasonWord, statusWord } from '@golddesk/contracts';
import { currentLanguage, i18next } from '../../platform/i18n';
import { paths } from '../../platform/navigation';
import { formatFigure, formatSeconds } from './measure-figures';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** An instant as China time, the clock the figures count days and hours by: "2026-11-05 14:03:09". */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

type Cell = string | number;

// How each stable column of the facts reads (the server's keys, see its FACT_COLUMNS); a column not listed shows as it is.
const TIME = (value: Cell) => chinaDateTime(String(value));
const YES_NO = (value: Cell) => i18next.t(Number(value) ? 'measures.facts.yes' : 'measures.facts.no');
const FEN = (value: Cell) => formatFen(Number(value));
const WORD = (column: string) => (value: Cell) => {
  const key = `measures.facts.value.${column}.${String(value)}`;
  return i18next.exists(key) ? i18next.t(key) : String(value);
};
const COLUMN_TEXT: Record<string, (value: Cell) => string> = {
  started_at: TIME,
  answered_at: TIME,
  first_at: TIME,
  ordered_at: TIME,
  paid_at: TIME,
  sent_at: TIME,
  rated_at: TIME,
  created_at: TIME,
  closed_at: TIME,
  response_seconds: (value) => formatSeconds(Number(value)),
  counted_seconds: (value) => formatSeconds(Number(value)),
  seconds: (value) => formatFigure('duration', Number(value)),
  hours: (value) => formatFigure('hours', Number(value)),
  paid_fen: FEN,
  total_fen: FEN,
  recovered: FEN,
  refund_fen: FEN,
  first_of_day: YES_NO,
  paid_same_day: YES_NO,
  paid_by_next_day: YES_NO,
  hour: (value) => `${String(value).padStart(2, '0')}:00–${String(Number(value) + 1).padStart(2, '0')}:00`,
  status: WORD('status'),
  invited_by: WORD('invited_by'),
  score: (value) => satisfactionLevelWord(Number(value), currentLanguage()),
  reasons: (value) =>
    String(value)
      .split(',')
      .filter(Boolean)
      .map((reason) => satisfactionReasonWord(reason, currentLanguage()))
      .join(i18next.t('measures.facts.listSeparator')),
  type: (value) => statusWord('caseType', String(value), currentLanguage()),
  state: (value) => statusWord('case', String(value), currentLanguage()),
};

const TIME_COLUMNS = new Set([
  'started_at',
  'answered_at',
  'first_at',
  'ordered_at',
  'paid_at',
  'sent_at',
  'rated_at',
  'created_at',
  'closed_at',
]);
const WIDE_COLUMNS: Record<string, number> = {
  status: 190,
  reasons: 170,
  comment: 200,
  invited_by: 110,
  paid_order_no: 170,
  order_no: 170,
  case_no: 150,
};

/** A drill-down column's width: times and words whole, counts narrow. */
export function factColumnWidth(column: string): number {
  if (TIME_COLUMNS.has(column)) return 160;
  return WIDE_COLUMNS[column] ?? 110;
}

/** A drill-down column's header: its stable key's words, or the key itself for a column this workbench does not know. */
export function factColumnTitle(column: string): string {
  const key = `measures.facts.column.${column}`;
  return i18next.exists(key) ? i18next.t(key) : column;
}

/** Where an id column's value leads in the workbench (the conversation the fact happened in), if anywhere. */
export function factLink(column: string, value: string): string | null {
  if (column === 'conversation_id') return paths.conversation(value);
  return null;
}

/** A drill-down value for people: times in China time, seconds and money as on the board, status words translated. */
export function factText(column: string, value: Cell | null): string {
  if (value === null || value === '') return '—';
  return COLUMN_TEXT[column]?.(value) ?? String(value);
}
