import { i18next } from '../../platform/i18n';

/** 导入 page strings, merged into the app's translations under `imports.*`. */
const zhCN = {
  imports: {
    title: '导入订单、商品和评价',
    hint: '上传 CSV 或 Excel（.xlsx）文件，表头在第 1 行，最大 20 MB。同一订单号再次导入会更新原订单，不会重复；评价按评价编号去重，中差评会生成回访任务。',
    kind: '导入内容',
    orders: '订单',
    products: '商品',
    reviews: '评价',
    choose: '选择文件',
    start: '开始导入',
    template: '下载{{kind}}模板（CSV）',
    unsupported: '请选择 .csv 或 .xlsx 文件',
    running: '正在导入…',
    progress: '已处理 {{processed}} / {{total}} 行',
    done: '导入完成',
    failed: '导入失败',
    summary: '共 {{total}} 行：成功 {{imported}} 行，失败 {{failed}} 行',
    counts: '新增 {{created}}，更新 {{updated}}，未变化 {{unchanged}}',
    errorsTitle: '未导入的行',
    errorsMore: '只显示前 {{count}} 条',
    line: '行号',
    reason: '原因',
    again: '再导入一个文件',
  },
};

const en: typeof zhCN = {
  imports: {
    title: 'Import orders, products and reviews',
    hint: 'Upload a CSV or Excel (.xlsx) file with the header on line 1, up to 20 MB. An order number imported again updates that order; nothing is duplicated. Reviews count once per review id; neutral and negative ones open a follow-up task.',
    kind: 'What to import',
    orders: 'Orders',
    products: 'Products',
    reviews: 'Reviews',
    choose: 'Choose file',
    start: 'Start import',
    template: 'Download the {{kind}} template (CSV)',
    unsupported: 'Choose a .csv or .xlsx file',
    running: 'Importing…',
    progress: '{{processed}} / {{total}} rows processed',
    done: 'Import finished',
    failed: 'Import failed',
    summary: '{{total}} rows: {{imported}} imported, {{failed}} failed',
    counts: '{{created}} new, {{updated}} updated, {{unchanged}} unchanged',
    errorsTitle: 'Rows not imported',
    errorsMore: 'Showing the first {{count}}',
    line: 'Line',
    reason: 'Reason',
    again: 'Import another file',
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
