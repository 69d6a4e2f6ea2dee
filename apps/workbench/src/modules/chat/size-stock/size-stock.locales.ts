import { i18next } from '../../../platform/i18n';

/** 尺码/库存 in the chat: the tool's labels in the agent's language; `sentence.*` are what the buyer is sent. */
const zhCN = {
  sizeStock: {
    button: '尺码/库存',
    tooltip: '尺码助手和各规格库存（本会话在聊的商品）',
    title: '尺码 / 库存',
    product: '商品',
    switchProduct: '换一个商品',
    searchProduct: '搜索商品标题',
    sources: { chat: '聊天中的商品', footprint: '浏览足迹', order: '最近订单', search: '搜索结果' },
    noProduct: '这个会话还没有聊到商品：搜索一个商品',
    sizeHelper: '尺码助手',
    height: '身高',
    weight: '体重',
    fromBuyer: '已从买家消息识别',
    advise: '查询',
    noChart: '该商品没有尺码表',
    advice: '建议 {{size}} 码',
    noAdvice: '没有合适的尺码',
    send: '发送',
    sendHint: '把这句话放进输入框（可修改后再发）',
    stock: '各规格库存',
    inStock: '现货 {{count}}',
    outOfStock: '缺货',
    noSkus: '该商品没有规格',
    advised: '推荐尺码',
    sentence: {
      size: '亲，根据您身高{{height}}cm、体重{{weight}}kg，建议选 {{size}} 码哦～',
      between: '亲，根据您身高{{height}}cm、体重{{weight}}kg，建议选 {{size}} 码哦～您的身材在两个尺码之间，选大一号穿着更舒适～',
      noSize:
        '亲，根据您身高{{height}}cm、体重{{weight}}kg，这款暂时没有特别合适的尺码，方便告诉我您的腰围和平时穿的尺码吗？我帮您再确认一下～',
      inStock: '亲，{{sku}} 现货 {{count}} 件，可以放心拍哦～',
      outOfStock: '亲，{{sku}} 暂时缺货了，可以看看其他颜色或尺码哦～',
    },
  },
};

const en: typeof zhCN = {
  sizeStock: {
    button: 'Size/stock',
    tooltip: 'Size helper and stock per SKU (the product this chat is about)',
    title: 'Size / stock',
    product: 'Product',
    switchProduct: 'Another product',
    searchProduct: 'Search product titles',
    sources: { chat: 'In this chat', footprint: 'Viewed', order: 'Latest order', search: 'Search results' },
    noProduct: 'No product in this chat yet: search for one',
    sizeHelper: 'Size helper',
    height: 'Height',
    weight: 'Weight',
    fromBuyer: "From the buyer's message",
    advise: 'Check',
    noChart: 'This product has no size chart',
    advice: 'Size {{size}}',
    noAdvice: 'No size fits',
    send: 'Send',
    sendHint: 'Puts this sentence in the composer (edit it before sending)',
    stock: 'Stock per SKU',
    inStock: 'In stock {{count}}',
    outOfStock: 'Out of stock',
    noSkus: 'This product has no SKUs',
    advised: 'Advised size',
    sentence: {
      size: 'For {{height}} cm and {{weight}} kg we suggest size {{size}}.',
      between:
        'For {{height}} cm and {{weight}} kg we suggest size {{size}}: you are between two sizes, and the larger one is more comfortable.',
      noSize:
        'For {{height}} cm and {{weight}} kg no size of this item fits well. Could you tell us your waist and the size you usually wear?',
      inStock: '{{sku}}: {{count}} in stock, ready to order.',
      outOfStock: '{{sku}} is out of stock for now; other colours or sizes may suit you.',
    },
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
