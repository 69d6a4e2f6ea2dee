import { i18next } from '../../../platform/i18n';

/**
 * The 售后 page's figures (a chunk of its own, managers only), merged under `cases.figures.*`. Case states and types
 * come from contracts' status words.
 */
const zhCN = {
  cases: {
    figures: {
      title: '售后数据',
      hint: '所选期间内新建的售后单（中国时间）；补偿按发放时间统计',
      last7: '近 7 天',
      last30: '近 30 天',
      last90: '近 90 天',
      export: '导出',
      exported: '已导出 {{file}}',
      total: '售后单',
      resolveHours: '平均处理时长',
      hours: '小时',
      withinSla: '时效内完成',
      overdueOpen: '超时未结',
      refund: '退款金额',
      byType: '按类型',
      byState: '按状态',
      goodwill: '补偿（按客服）',
      open: '处理中',
      closed: '已结束',
      cases: '单数',
      count: '次数',
      amount: '金额（元）',
      agent: '客服',
      none: '期间内暂无数据',
      csv: {
        file: '售后数据_{{from}}_{{to}}.csv',
        period: '期间',
        overview: '概览',
        metric: '指标',
        value: '数值',
        type: '类型',
        state: '状态',
        sum: '合计',
      },
    },
  },
};

const en: typeof zhCN = {
  cases: {
    figures: {
      title: 'After-sales figures',
      hint: 'Cases opened in the period (China time); goodwill counted when it was given',
      last7: 'Last 7 days',
      last30: 'Last 30 days',
      last90: 'Last 90 days',
      export: 'Export',
      exported: '{{file}} saved',
      total: 'Cases',
      resolveHours: 'Average time to resolve',
      hours: 'h',
      withinSla: 'Resolved within SLA',
      overdueOpen: 'Overdue, still open',
      refund: 'Refunds',
      byType: 'By type',
      byState: 'By state',
      goodwill: 'Goodwill by agent',
      open: 'Open',
      closed: 'Closed',
      cases: 'Cases',
      count: 'Times',
      amount: 'Amount (yuan)',
      agent: 'Agent',
      none: 'No cases in this period',
      csv: {
        file: 'after-sales-figures_{{from}}_{{to}}.csv',
        period: 'Period',
        overview: 'Overview',
        metric: 'Figure',
        value: 'Value',
        type: 'Type',
        state: 'State',
        sum: 'Total',
      },
    },
  },
};

// Deep-merged into the cases module's strings.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
