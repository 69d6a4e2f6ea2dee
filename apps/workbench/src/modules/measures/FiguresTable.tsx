import type { MeasureRow, MeasuresResponse } from '@golddesk/contracts';
import { Table, Tooltip } from 'antd';
import type { ColumnGroupType, ColumnType, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { FIGURES, formatFigure, targetMark, targetText, type FigureFormat, type FigureKey } from './measure-figures';

/**
 * The board's columns, in groups as sellers read them (接待 · 询单转化 · 催付 售后 满意度). The board keeps to what a
 * morning meeting reads and fits a laptop; the drill-downs, charts and exports carry every figure.
 */
export const BOARD_COLUMNS: { group: string; figures: FigureKey[] }[] = [
  { group: 'reception', figures: ['buyers', 'firstResponseSeconds', 'averageResponseSeconds', 'fastShare', 'answerRatio'] },
  { group: 'sales', figures: ['inquiries', 'conversionFinal', 'paidFen', 'orderValueFen'] },
  { group: 'service', figures: ['reminderSuccess', 'casesFinished', 'satisfaction', 'onlineSeconds'] },
];

// Each column as wide as its longest value reads ("1 分 39 秒", "¥1,863.00", "75 小时 36 分").
const WIDTH: Record<FigureFormat, number> = { count: 76, seconds: 96, share: 84, ratio: 72, fen: 100, hours: 84, duration: 112 };
const LABEL_WIDTH = 112;

interface FiguresTableProps {
  response: MeasuresResponse;
  /** The total row under the table (the team's, for managers; an agent's own board is one row already). */
  showTotal: boolean;
  /** A row's name as shown (an agent's name, a group's name in the UI language, a day, an hour). */
  rowLabel: (row: MeasureRow) => string;
  /** A cell was clicked: the figure and its row (null: the total row). */
  onDrill: (figure: FigureKey, row: MeasureRow | null) => void;
  testId: string;
}

// Nothing counted sorts last in either direction: a day with no ratings is not the worst nor the best.
function compareFigures(a: number | null, b: number | null, order: SortOrder | undefined): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const last = order === 'descend' ? -1 : 1;
    return a === null ? last : -last;
  }
  return a - b;
}

/**
 * A figures table (one row per agent, group, day or hour): every column sorts, figures read as people say them, a
 * figure with a target is green where met and red where missed, the total row is pinned under the rows, and every
 * cell opens the rows it is computed from.
 */
export function FiguresTable({ response, showTotal, rowLabel, onDrill, testId }: FiguresTableProps) {
  const { t } = useTranslation();

  const cell = (figure: FigureKey, row: MeasureRow, isTotal: boolean) => {
    const value = row[figure];
    const mark = targetMark(figure, value, response.targets);
    const target = targetText(figure, response.targets);
    return (
      <button
        type="button"
        className={`measure-cell${mark ? ` measure-cell-${mark}` : ''}`}
        onClick={() => onDrill(figure, isTotal ? null : row)}
        title={[mark && t(`measures.target.${mark}`), target].filter(Boolean).join(' · ') || t('measures.drill.hint')}
        data-testid={`measure-cell-${figure}`}
        data-mark={mark ?? undefined}
      >
        {formatFigure(FIGURES[figure].format, value)}
      </button>
    );
  };

  const figureColumn = (figure: FigureKey): ColumnType<MeasureRow> => ({
    key: figure,
    // The definition on hover (the dotted underline says there is one).
    title: (
      <Tooltip title={t(`measures.hint.${figure}`)}>
        <span className="measure-heading">
          {t(`measures.column.${figure}`, { defaultValue: t(`measures.figure.${figure}`) })}
        </span>
      </Tooltip>
    ),
    width: WIDTH[FIGURES[figure].format],
    align: 'right',
    showSorterTooltip: false,
    sorter: (a, b, order) => compareFigures(a[figure], b[figure], order),
    render: (_value, row) => cell(figure, row, false),
  });

  const columns: (ColumnType<MeasureRow> | ColumnGroupType<MeasureRow>)[] = [
    {
      key: 'label',
      title: t(`measures.by.${response.by}`),
      fixed: 'left',
      width: LABEL_WIDTH,
      ellipsis: true,
      sorter: (a, b) => rowLabel(a).localeCompare(rowLabel(b), 'zh-CN'),
      render: (_value, row) => <span data-testid="measure-row-label">{rowLabel(row)}</span>,
    },
    ...BOARD_COLUMNS.map(({ group, figures }) => ({
      key: group,
      title: t(`measures.group.${group}`),
      children: figures.map(figureColumn),
    })),
  ];
  const flat = BOARD_COLUMNS.flatMap(({ figures }) => figures);

  return (
    <Table<MeasureRow>
      size="small"
      bordered
      rowKey="key"
      className="measures-table"
      data-testid={testId}
      columns={columns}
      dataSource={response.rows}
      pagination={false}
      scroll={{ x: flat.reduce((sum, figure) => sum + WIDTH[FIGURES[figure].format], LABEL_WIDTH) }}
      locale={{ emptyText: t('measures.empty') }}
      onRow={(row) => ({ 'data-row-key': row.key, 'data-testid': 'measure-row' }) as object}
      summary={() =>
        showTotal && response.rows.length > 0 ? (
          <Table.Summary>
            <Table.Summary.Row className="measures-total" data-testid="measure-total">
              <Table.Summary.Cell index={0}>{t('measures.total')}</Table.Summary.Cell>
              {flat.map((figure, index) => (
                <Table.Summary.Cell key={figure} index={index + 1} align="right">
                  {cell(figure, response.total, true)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
