import { i18next } from '../../platform/i18n';

/** 协同任务 strings (the inbox and the 完成 dialog), merged under `tasks.*`; task kinds come from contracts' status words. */
const zhCN = {
  tasks: {
    kind: '类型',
    title: '任务',
    case: '售后单',
    assignee: '处理人',
    due: '截止',
    done: '完成时间',
    overdue: '已超时',
    complete: '完成',
    cancel: '取消',
    refresh: '刷新',
    scope: { mine: '我的', all: '全店' },
    status: { open: '待处理', done: '已完成' },
    inbox: { warehouse: '仓库', finance: '财务', qc: '质检', manager: '主管' },
    emptyOpen: '没有待处理的任务',
    emptyDone: '还没有完成的任务',
    completeTitle: '完成{{kind}}任务',
    completed: '{{kind}}任务已完成',
    carrier: '快递公司',
    carrierPlaceholder: '如：顺丰、圆通、中通',
    carrierRequired: '请填写快递公司',
    trackingNo: '运单号',
    trackingHint: '运单号会写入售后单，并通过聊天告诉买家',
    trackingFormat: '运单号为 6–40 位字母、数字或短横线',
    finding: '质检结论',
    findingRequired: '请选择质检结论',
    findings: { defect_confirmed: '确认有质量问题', no_defect: '未发现质量问题', inconclusive: '无法判断' },
    note: '备注',
    notePlaceholder: {
      warehouse_ship: '可选，如：已换成 XL 码',
      finance_refund: '如：已原路退款，流水号…',
      finance_compensation: '如：已打款 ¥5（支付宝）',
      qc_inspect: '检查了什么、发现了什么',
      follow_up_call: '通话结果，如：买家已满意，同意追评',
    },
  },
};

const en: typeof zhCN = {
  tasks: {
    kind: 'Kind',
    title: 'Task',
    case: 'Case',
    assignee: 'Assignee',
    due: 'Due',
    done: 'Done',
    overdue: 'Overdue',
    complete: 'Complete',
    cancel: 'Cancel',
    refresh: 'Refresh',
    scope: { mine: 'Mine', all: 'Whole shop' },
    status: { open: 'Open', done: 'Done' },
    inbox: { warehouse: 'Warehouse', finance: 'Finance', qc: 'Quality check', manager: 'Managers' },
    emptyOpen: 'No open tasks',
    emptyDone: 'No finished tasks yet',
    completeTitle: 'Complete the {{kind}} task',
    completed: '{{kind}} task completed',
    carrier: 'Carrier',
    carrierPlaceholder: 'e.g. SF Express, YTO, ZTO',
    carrierRequired: 'Enter the carrier',
    trackingNo: 'Tracking number',
    trackingHint: 'The number goes on the case and the buyer is told in the chat',
    trackingFormat: 'A tracking number has 6–40 letters, digits or dashes',
    finding: 'Finding',
    findingRequired: 'Choose the finding',
    findings: { defect_confirmed: 'Defect confirmed', no_defect: 'No defect found', inconclusive: 'Inconclusive' },
    note: 'Note',
    notePlaceholder: {
      warehouse_ship: 'Optional, e.g. swapped for size XL',
      finance_refund: 'e.g. refunded to the original payment, reference …',
      finance_compensation: 'e.g. paid ¥5 (Alipay)',
      qc_inspect: 'What was checked and found',
      follow_up_call: 'How the call went, e.g. the buyer is satisfied',
    },
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
