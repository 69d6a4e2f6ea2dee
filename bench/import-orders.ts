/**
 * `npm run bench:import`: writes a CSV of 10,000 orders with believable Chinese data to a temp folder,
 * starts the real server (`apps/server/src/main.ts`, fresh SQLite DATA_DIR, or `--postgres` on a scratch
 * database) as a child process, uploads the file as the demo owner, polls the import's progress and
 * prints it, and reports the time from upload to done. Options: `--orders N`, `--postgres`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { createScratchDatabase, type ScratchDatabase } from './postgres.js';
import { startTarget } from './processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-demo-password-1';
const args = process.argv.slice(2);
const ORDERS = Number(args.includes('--orders') ? args[args.indexOf('--orders') + 1] : 10_000);
const POSTGRES = args.includes('--postgres');

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '婷',
];
const NICK_WORDS = [
  '小鹿',
  '橘子',
  '阿狸',
  '糖糖',
  '木木',
  '大白',
  '西瓜',
  '柠檬',
  '果冻',
  '奶茶',
  '星星',
  '豆豆',
  '悠悠',
  '饭团',
];
const NICK_TAILS = ['爱买买', '的小店', '666', '_2026', '酱', '不吃辣', '在路上', '宝宝', 'lucky', '哒'];
const PLACES = [
  ['浙江省', '杭州市西湖区文三路'],
  ['江苏省', '南京市鼓楼区中山北路'],
  ['广东省', '深圳市南山区科技园南路'],
  ['上海市', '浦东新区张杨路'],
  ['北京市', '朝阳区建国路'],
  ['四川省', '成都市武侯区人民南路'],
  ['湖北省', '武汉市洪山区珞喻路'],
  ['山东省', '青岛市市南区香港中路'],
  ['福建省', '厦门市思明区湖滨南路'],
  ['河南省', '郑州市金水区花园路'],
] as const;
const PRODUCTS = [
  [
    '纯棉宽松短袖T恤',
    129,
    [
      ['颜色', ['黑色', '白色', '雾霾蓝']],
      ['尺码', ['S', 'M', 'L', 'XL']],
    ],
  ],
  [
    '高腰直筒牛仔裤',
    199,
    [
      ['颜色', ['浅蓝', '深蓝']],
      ['尺码', ['26', '27', '28', '29', '30']],
    ],
  ],
  [
    '加绒连帽卫衣',
    239,
    [
      ['颜色', ['燕麦色', '黑色']],
      ['尺码', ['M', 'L', 'XL']],
    ],
  ],
  ['羊毛混纺围巾', 159, [['颜色', ['驼色', '灰色', '酒红']]]],
  ['帆布托特包', 79, []],
  ['真丝眼罩', 49, [['颜色', ['香槟色', '藕粉']]]],
] as const;
const CARRIERS = ['中通快递', '圆通速递', '韵达快递', '顺丰速运', '申通快递', '京东物流'];
const STATUSES = ['已付款', '已发货', '已发货', '已签收', '交易成功', '交易成功', '待付款', '交易关闭'] as const;

let seed = 20261111;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');
/** China wall-clock text for a UTC+8 instant given in ms. */
const chinaTime = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** 10,000 orders from ~3,000 buyers, one to three lines each, in every state of the trade flow. */
function generateCsv(orders: number): { csv: string; rows: number } {
  const header =
    '订单号,买家昵称,订单状态,商品名称,SKU属性,单价,数量,实付金额,收货人,手机,省份,收货地址,物流公司,运单号,下单时间,付款时间,发货时间,签收时间,成交时间,关闭时间,备注';
  const lines = [header];
  const buyers = Array.from({ length: Math.ceil(orders * 0.3) }, (_, i) => ({
    nick: `${pick(NICK_WORDS)}${pick(NICK_TAILS)}${i}`,
    name: `${pick(SURNAMES)}${pick(GIVEN)}`,
    phone: `1${pick(['38', '39', '58', '86', '77'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    place: pick(PLACES),
    street: `${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}幢${100 + Math.floor(random() * 900)}室`,
  }));
  const start = Date.UTC(2026, 9, 20);
  for (let n = 0; n < orders; n++) {
    const buyer = pick(buyers);
    const status = pick(STATUSES);
    const placed = start + Math.floor(random() * 25 * 86_400_000);
    const items = Array.from({ length: 1 + Math.floor(random() * random() * 3) }, () => {
      const [title, price, dims] = pick(PRODUCTS);
      const sku = dims.map(([name, values]) => `${name}:${pick(values)}`).join(';');
      return { title, price, sku, quantity: 1 + Math.floor(random() * random() * 3) };
    });
    const total = items.reduce((sum, i) => sum + i.price * i.quantity, 0) - (random() < 0.3 ? 10 : 0);
    const paid = status === '待付款' || status === '交易关闭' ? '' : chinaTime(placed + 60_000 + Math.floor(random() * 600_000));
    const shipped = ['已发货', '已签收', '交易成功'].includes(status) ? chinaTime(placed + 6 * 3_600_000) : '';
    const signed = ['已签收', '交易成功'].includes(status) ? chinaTime(placed + 3 * 86_400_000) : '';
    const completed = status === '交易成功' ? chinaTime(placed + 10 * 86_400_000) : '';
    const closed = status === '交易关闭' ? chinaTime(placed + 86_400_000) : '';
    const carrier = shipped ? pick(CARRIERS) : '';
    const tracking = shipped ? `${carrier === '顺丰速运' ? 'SF' : 'YT'}${String(1e12 + n)}` : '';
    const memo = random() < 0.05 ? '买家要求周末送达' : '';
    for (const item of items) {
      lines.push(
        [
          `2026${String(100000000 + n)}`,
          buyer.nick,
          status,
          item.title,
          item.sku,
          item.price.toFixed(2),
          String(item.quantity),
          total.toFixed(2),
          buyer.name,
          buyer.phone,
          buyer.place[0],
          `${buyer.place[1]}${buyer.street}`,
          carrier,
          tracking,
          chinaTime(placed),
          paid,
          shipped,
          signed,
          completed,
          closed,
          memo,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

async function main() {
  const machine = describeMachine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-import-bench-'));
  const { csv, rows } = generateCsv(ORDERS);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, csv);
  console.log(
    `wrote ${ORDERS.toLocaleString('en')} orders (${rows.toLocaleString('en')} rows, ${(csv.length / 1e6).toFixed(1)} MB) to ${file}`,
  );

  let scratch: ScratchDatabase | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'GOLDDESK_DEMO', 'GOLDDESK_SECRET', 'NODE_OPTIONS']) delete env[name];
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    GOLDDESK_DEMO_PASSWORD: PASSWORD,
    DATA_DIR: path.join(dir, 'data'),
  });
  if (POSTGRES) env.DATABASE_URL = (scratch = await createScratchDatabase()).url;
  const target = await startTarget('GoldDesk', ['--import', 'tsx', 'apps/server/src/main.ts'], env, ROOT);
  try {
    const login = await fetch(`${target.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shop: 'demo', username: 'owner', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };

    const started = performance.now();
    const upload = await fetch(`${target.baseUrl}/api/v1/imports?kind=orders&name=orders.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: fs.readFileSync(file),
    });
    const accepted = (await upload.json()) as { import: { id: string; total: number } };
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(accepted)}`);
    const acceptedMs = performance.now() - started;
    console.log(`202 after ${(acceptedMs / 1000).toFixed(2)} s (file parsed and checked): ${accepted.import.total} rows`);

    let view: { status: string; processed: number; total: number; imported: number; failed: number; created: number };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const res = await fetch(`${target.baseUrl}/api/v1/imports/${accepted.import.id}`, { headers });
      view = ((await res.json()) as { import: typeof view }).import;
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const percent = Math.round((view.processed / view.total) * 100);
      console.log(
        `${seconds.padStart(6)} s  ${'█'.repeat(Math.round(percent / 5)).padEnd(20, '·')} ${String(percent).padStart(3)} %  ${view.processed}/${view.total} rows  ${view.status}`,
      );
      if (view.status !== 'running') break;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\n${view.status}: ${view.created.toLocaleString('en')} orders created, ${view.imported} rows imported, ${view.failed} failed`,
    );
    console.log(
      `import of ${ORDERS.toLocaleString('en')} orders (${rows.toLocaleString('en')} rows) on ${POSTGRES ? 'PostgreSQL' : 'SQLite'}: ${seconds.toFixed(2)} s (upload → done)`,
    );
    console.log(
      `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ${machine.os}; load before ${machine.loadAverageBefore.join(' ')}; ${new Date().toISOString().slice(0, 10)}`,
    );
    if (view.status !== 'done' || view.created !== ORDERS) process.exitCode = 1;
  } finally {
    await target.stop();
    await scratch?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
