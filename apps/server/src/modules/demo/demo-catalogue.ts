/** The demo shop 小美家 sells cosmetics and clothing. Prices in fen. */
export interface DemoProduct {
  title: string;
  category: '美妆' | '服饰';
  priceFen: number;
  description: string;
  listingNotes?: string;
  /** SKU dimension values: every combination becomes a SKU. */
  options: Record<string, string[]>;
  sizeChart?: boolean;
}

const CLOTHING_SIZES = ['S', 'M', 'L', 'XL'];

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: '氨基酸温和洁面乳 120g',
    category: '美妆',
    priceFen: 6900,
    description: '弱酸性氨基酸配方，敏感肌可用，泡沫细腻不紧绷。',
    options: { 规格: ['120g', '120g×2 囤货装'] },
  },
  {
    title: '玻尿酸补水保湿面膜 10片装',
    category: '美妆',
    priceFen: 8900,
    description: '三重玻尿酸，急救补水，熬夜党必备。',
    options: { 规格: ['10片', '20片'] },
  },
  {
    title: '烟酰胺提亮精华液 30ml',
    category: '美妆',
    priceFen: 15900,
    description: '5% 烟酰胺，改善暗沉，建立耐受后使用。',
    listingNotes: '初次使用建议隔天用，少数人可能有轻微刺痛感。',
    options: { 规格: ['30ml', '50ml'] },
  },
  {
    title: '修护舒缓爽肤水 200ml',
    category: '美妆',
    priceFen: 9900,
    description: '积雪草+神经酰胺，舒缓泛红，敏感肌友好。',
    options: { 规格: ['200ml'] },
  },
  {
    title: '清透防晒乳 SPF50+ PA++++',
    category: '美妆',
    priceFen: 12900,
    description: '轻薄不油腻，军训通勤都适用，需卸妆。',
    options: { 规格: ['50ml', '50ml+15ml 小样'] },
  },
  {
    title: '丝绒雾面口红',
    category: '美妆',
    priceFen: 13900,
    description: '高显色不拔干，持妆 6 小时。',
    listingNotes: '图片为实拍，不同显示器色差在所难免。',
    options: { 色号: ['#01 正红', '#02 豆沙', '#03 枫叶棕', '#04 蜜桃粉'] },
  },
  {
    title: '水润唇釉',
    category: '美妆',
    priceFen: 9900,
    description: '镜面水光，叠涂更显色。',
    options: { 色号: ['#101 元气橘', '#102 玫瑰', '#103 奶茶'] },
  },
  {
    title: '柔雾持妆粉底液 30ml',
    category: '美妆',
    priceFen: 18900,
    description: '控油遮瑕，油皮亲妈。',
    options: { 色号: ['象牙白', '自然色', '小麦色'] },
  },
  {
    title: '多用途气垫 BB 霜',
    category: '美妆',
    priceFen: 15900,
    description: '附替换装，出门补妆方便。',
    options: { 色号: ['亮白', '自然'] },
  },
  {
    title: '大地色九宫格眼影盘',
    category: '美妆',
    priceFen: 11900,
    description: '日常通勤百搭，粉质细腻不飞粉。',
    options: { 规格: ['九色'] },
  },
  {
    title: '纤长卷翘睫毛膏',
    category: '美妆',
    priceFen: 7900,
    description: '防水防晕染，温水可卸。',
    options: { 颜色: ['黑色', '棕色'] },
  },
  {
    title: '温和卸妆水 400ml',
    category: '美妆',
    priceFen: 7900,
    description: '眼唇可用，一擦即净。',
    options: { 规格: ['400ml', '400ml×2'] },
  },
  {
    title: '保湿修护面霜 50g',
    category: '美妆',
    priceFen: 16900,
    description: '秋冬换季干皮救星，质地绵密。',
    options: { 规格: ['50g'] },
  },
  {
    title: '护手霜礼盒 4 支装',
    category: '美妆',
    priceFen: 8800,
    description: '四种香型，送礼自用两相宜。',
    options: { 香型: ['花香礼盒', '果香礼盒'] },
  },
  {
    title: '敏感肌舒缓三件套（面膜+精华+乳液）',
    category: '美妆',
    priceFen: 29900,
    description: '关联搭配：先面膜补水，再精华修护，最后乳液锁水。',
    options: { 规格: ['套装'] },
  },
  {
    title: '化妆刷套装 8 支',
    category: '美妆',
    priceFen: 6900,
    description: '人造纤维毛，柔软不扎脸，附收纳包。',
    options: { 颜色: ['樱花粉', '奶白'] },
  },
  {
    title: '法式复古碎花连衣裙',
    category: '服饰',
    priceFen: 25900,
    description: '雪纺面料，收腰显瘦，春夏约会首选。',
    listingNotes: '浅色面料洗涤时可能轻微褪色，建议冷水手洗。',
    options: { 颜色: ['蓝色碎花', '黄色碎花'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '高腰阔腿牛仔裤',
    category: '服饰',
    priceFen: 19900,
    description: '微弹面料，显高显瘦，不挑腿型。',
    options: { 颜色: ['浅蓝', '深蓝', '黑色'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '纯棉宽松短袖T恤',
    category: '服饰',
    priceFen: 7900,
    description: '200g 精梳棉，不透不变形。',
    options: { 颜色: ['白色', '黑色', '雾霾蓝'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '羊毛混纺双面呢大衣',
    category: '服饰',
    priceFen: 59900,
    description: '50% 羊毛，手工双面呢，秋冬经典款。',
    listingNotes: '羊毛制品请干洗，勿机洗。',
    options: { 颜色: ['驼色', '燕麦色', '黑色'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '慵懒风麻花针织开衫',
    category: '服饰',
    priceFen: 22900,
    description: '软糯不扎，宽松版型，可外搭可内穿。',
    options: { 颜色: ['奶白', '雾粉', '浅灰'], 尺码: ['均码'] },
  },
  {
    title: '百褶半身裙 中长款',
    category: '服饰',
    priceFen: 15900,
    description: '垂感好，走路有型，配卫衣针织都好看。',
    options: { 颜色: ['黑色', '卡其'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '轻薄白鸭绒羽绒服',
    category: '服饰',
    priceFen: 39900,
    description: '90% 白鸭绒，可收纳，出行不占地方。',
    options: { 颜色: ['黑色', '米白', '藏青'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '真丝印花方巾',
    category: '服饰',
    priceFen: 12900,
    description: '桑蚕丝，系包系发都好看。',
    options: { 花色: ['复古花卉', '几何格纹'] },
  },
  {
    title: '休闲运动卫衣 加绒',
    category: '服饰',
    priceFen: 16900,
    description: '内里加绒，保暖不臃肿。',
    options: { 颜色: ['灰色', '黑色', '燕麦色'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '直筒西装裤 垂感',
    category: '服饰',
    priceFen: 18900,
    description: '通勤百搭，免烫面料。',
    options: { 颜色: ['黑色', '灰色'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '法式方领泡泡袖衬衫',
    category: '服饰',
    priceFen: 14900,
    description: '棉质透气，温柔气质。',
    options: { 颜色: ['白色', '浅蓝'], 尺码: CLOTHING_SIZES },
    sizeChart: true,
  },
  {
    title: '一字领修身针织毛衣',
    category: '服饰',
    priceFen: 17900,
    description: '露肩设计，显锁骨。',
    options: { 颜色: ['酒红', '黑色', '奶白'], 尺码: ['S', 'M', 'L'] },
    sizeChart: true,
  },
  {
    title: '复古小方包 斜挎',
    category: '服饰',
    priceFen: 21900,
    description: 'PU 材质，可放手机口红钥匙。',
    options: { 颜色: ['黑色', '焦糖色', '米白'] },
  },
  {
    title: '保暖羊绒围巾',
    category: '服饰',
    priceFen: 26900,
    description: '内蒙古羊绒，柔软亲肤。',
    options: { 颜色: ['驼色', '灰色', '红色'] },
  },
  {
    title: '纯棉家居睡衣套装',
    category: '服饰',
    priceFen: 12900,
    description: '长袖长裤，宽松舒适。',
    options: { 颜色: ['粉色格纹', '蓝色格纹'], 尺码: ['M', 'L', 'XL'] },
    sizeChart: true,
  },
  {
    title: '加厚保暖打底裤',
    category: '服饰',
    priceFen: 6900,
    description: '加绒加厚，冬季必备。',
    options: { 颜色: ['黑色', '肤色'], 尺码: ['均码'] },
  },
];

/** Height and weight ranges per size, as the shop's 尺码表. */
/** A believable shipping weight (grams, packed) by what the product is. */
export function demoWeightG(product: DemoProduct): number {
  if (/大衣|羽绒服/.test(product.title)) return 1200;
  if (/套装|三件套|礼盒/.test(product.title)) return 650;
  if (product.category === '服饰') return /方巾/.test(product.title) ? 100 : 450;
  return /面膜|卸妆水|爽肤水/.test(product.title) ? 450 : 180;
}

export const SIZE_CHART = [
  { size: 'S', heightCm: [150, 158], weightKg: [40, 47] },
  { size: 'M', heightCm: [158, 165], weightKg: [47, 54] },
  { size: 'L', heightCm: [165, 170], weightKg: [54, 61] },
  { size: 'XL', heightCm: [170, 176], weightKg: [61, 70] },
];
