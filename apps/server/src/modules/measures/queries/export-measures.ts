import type { MeasureFactKind, MeasureGrouping, MeasureRow } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { tableCsv, tableXlsx, type TableCell } from '../../../platform/http/table-files.js';
import type { FactFilter } from '../measures.repository.js';
import { measureFacts, type FactsCell } from './measure-facts.js';
import { measureFigures } from './measure-figures.js';

/** The figures table's columns as the export heads them (the seller's spreadsheet is in Chinese, like 赤兔's). */
const FIGURE_COLUMNS: [keyof MeasureRow, string][] = [
  ['label', '名称'],
  ['buyers', '接待人数'],
  ['turns', '计入轮次'],
  ['unansweredTurns', '未回复轮次'],
  ['firstResponseSeconds', '首次响应(秒)'],
  ['averageResponseSeconds', '平均响应(秒)'],
  ['fastShare', '3分钟响应率'],
  ['buyerMessages', '买家消息数'],
  ['agentMessages', '客服消息数'],
  ['answerRatio', '答问比'],
  ['inquiries', '询单人数'],
  ['ordered', '下单人数'],
  ['paidSameDay', '当日付款人数'],
  ['paidByNextDay', '次日内付款人数'],
  ['paidFinal', '最终付款人数'],
  ['conversionSameDay', '询单转化率(当日)'],
  ['conversionFinal', '询单转化率(最终)'],
  ['paidFen', '销售额(分)'],
  ['orderValueFen', '客单价(分)'],
  ['remindedOrders', '催付订单数'],
  ['remindedPaid', '催付成功数'],
  ['reminderSuccess', '催付成功率'],
  ['recoveredFen', '催回金额(分)'],
  ['casesOpened', '新建售后'],
  ['casesFinished', '完结售后'],
  ['caseHours', '售后平均时长(小时)'],
  ['refundFen', '退款金额(分)'],
  ['ratings', '评价数'],
  ['satisfied', '满意数'],
  ['satisfaction', '满意率'],
  ['onlineSeconds', '在线时长(秒)'],
];

const FACT_HEADERS: Record<string, string> = {
  started_at: '开始时间',
  buyer: '买家',
  agent: '客服',
  status: '状态',
  response_seconds: '响应(秒)',
  counted_seconds: '计入(秒)',
  first_of_day: '当日首轮',
  buyer_messages: '买家消息',
  agent_messages: '客服消息',
  answered_at: '回复时间',
  conversation_id: '会话',
  first_at: '咨询时间',
  ordered_at: '下单时间',
  paid_at: '付款时间',
  paid_order_no: '付款订单',
  paid_fen: '付款金额(分)',
  paid_same_day: '当日付款',
  paid_by_next_day: '次日内付款',
  sent_at: '催付时间',
  order_no: '订单号',
  total_fen: '订单金额(分)',
  recovered: '催回金额(分)',
  rated_at: '评价时间',
  score: '评分',
  reasons: '原因',
  comment: '留言',
  invited_by: '邀评方式',
  case_no: '售后单号',
  type: '类型',
  state: '状态',
  created_at: '创建时间',
  closed_at: '完结时间',
  hours: '时长(小时)',
  refund_fen: '退款(分)',
  day: '日期',
  hour: '小时',
  seconds: '在线(秒)',
};

/** Most fact rows one export holds (a year of a big shop's turns is a job for the API's pages, not one file). */
const MAX_EXPORT_ROWS = 100_000;

/** A figures table or a kind of facts as a CSV or xlsx file, with its download name. */
export async function exportMeasures(
  app: AppContext,
  filter: FactFilter,
  table: 'figures' | MeasureFactKind,
  by: MeasureGrouping,
  format: 'csv' | 'xlsx',
  cell: FactsCell = {},
): Promise<{ bytes: Buffer; name: string; asciiName: string }> {
  let header: string[];
  let rows: TableCell[][];
  if (table === 'figures') {
    const figures = await measureFigures(app, filter, by);
    header = FIGURE_COLUMNS.map(([, name]) => name);
    rows = [...figures.rows, figures.total].map((row) => FIGURE_COLUMNS.map(([key]) => row[key] as TableCell));
  } else {
    const facts = await measureFacts(app, filter, table, cell, { limit: MAX_EXPORT_ROWS, offset: 0 });
    header = facts.columns.map((key) => FACT_HEADERS[key] ?? key);
    rows = facts.rows;
  }
  const stem = `measures-${table}-${filter.fromDay}-${filter.toDay}`;
  const bytes = format === 'csv' ? tableCsv(header, rows) : await tableXlsx('绩效', header, rows);
  return { bytes, name: `绩效-${table}-${filter.fromDay}-${filter.toDay}.${format}`, asciiName: `${stem}.${format}` };
}
