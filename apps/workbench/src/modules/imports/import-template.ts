import type { ImportKind } from '@golddesk/contracts';

// The headers of packages/contracts/src/imports.ts (ORDER_/PRODUCT_IMPORT_COLUMNS) with an example row; kept here so
// the workbench bundle does not pull zod in for two lines of CSV.
const TEMPLATES: Record<ImportKind, [string, string][]> = {
  orders: [
    ['订单号', '2026111100001'], ['买家昵称', '小鹿爱买买'], ['订单状态', '已发货'], ['商品名称', '纯棉宽松短袖T恤'], ['商品ID', ''],
    ['SKU属性', '颜色:黑色;尺码:M'], ['单价', '129.00'], ['数量', '1'], ['实付金额', '129.00'], ['收货人', '李女士'],
    ['手机', '13800001234'], ['省份', '浙江省'], ['收货地址', '杭州市西湖区文三路100号'], ['物流公司', '中通快递'],
    ['运单号', '75312345678901'], ['下单时间', '2026-11-11 00:05:12'], ['付款时间', '2026-11-11 00:06:30'],
    ['发货时间', '2026-11-11 16:20:00'], ['签收时间', ''], ['成交时间', ''], ['关闭时间', ''], ['备注', ''],
  ],
  products: [
    ['商品名称', '纯棉宽松短袖T恤'], ['类目', '女装/T恤'], ['价格', '129.00'], ['库存', '200'], ['SKU属性', '颜色:黑色;尺码:M'],
    ['描述', '260g 精梳棉，宽松版型'], ['温馨提示', '浅色系请勿与深色衣物混洗'],
  ],
};

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Saves a template CSV (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function downloadTemplate(kind: ImportKind): void {
  const rows = [TEMPLATES[kind].map(([header]) => header), TEMPLATES[kind].map(([, example]) => example)];
  const text = `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = kind === 'orders' ? '订单导入模板.csv' : '商品导入模板.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
