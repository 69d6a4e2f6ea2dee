import type { AppContext } from '../../platform/app-context.js';
import { generatePassword, hashPassword } from '../../platform/security/passwords.js';
import { storeSeedMessages } from '../conversations/index.js';
import { DEMO_PRODUCTS, SIZE_CHART, demoWeightG } from './demo-catalogue.js';
import { seedCatalogueLinks } from './demo-catalogue-links.js';
import { DEMO_CONVERSATIONS } from './demo-conversations.js';
import { seedDemoLogistics } from './demo-logistics.js';
import { BUYER_NICKS, CARRIERS, DEMO_AGENTS, PLACES } from './demo-people.js';
import { newId } from '../../platform/ids.js';
import { seedDemoCrm } from './demo-crm.js';
import { seedDemoPaymentReminders } from '../payment-reminders/index.js';
import { seedDemoQuickReplies } from '../quick-replies/index.js';
import { seedDemoAutomation } from './demo-automation.js';
import { seedDemoHistory } from './demo-history.js';
import { rebuildMeasures } from '../measures/index.js';
import { seedDemoCases } from '../cases/index.js';
import { insertAgent } from '../auth/index.js';
import { findShopBySlug, insertShop } from '../shops/index.js';
import {
  insertDemoBuyer,
  insertDemoConversation,
  insertDemoOrder,
  insertDemoProduct,
  insertDemoSkus,
  updateDemoConversation,
} from './demo-seed.repository.js';

const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'signed', 'completed', 'closed'] as const;

// The demo agents share one password, so one hash (a few hundred ms at today's scrypt cost) serves all four,
// and a process seeding many databases with one password (the test suite) hashes it once.
const demoHashes = new Map<string, Promise<string>>();
function demoPasswordHash(password: string): Promise<string> {
  let hash = demoHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    demoHashes.set(password, hash);
    hash.catch(() => demoHashes.delete(password));
  }
  return hash;
}

/** A repeatable pseudo-random sequence, so every fresh demo shop looks the same. */
function randomSequence(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

function combinations(options: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(options).reduce<Record<string, string>[]>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value }))),
    [{}],
  );
}

/**
 * Creates the demo shop `demo` on an empty database: agents, 32 products with SKUs, buyers, orders in
 * every state and chats. Returns the agents' password when it was generated (printed once).
 */
export async function seedDemoShop(app: AppContext): Promise<{ created: boolean; generatedPassword?: string }> {
  const db = app.storage.db;
  if (await findShopBySlug(db, 'demo')) return { created: false };

  const password = app.config.demoPassword ?? generatePassword();
  const passwordHash = await demoPasswordHash(password);
  const now = app.now();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const random = randomSequence(20261111);
  const shopId = newId();

  let agentIds = new Map<string, { id: string; name: string }>();
  await db.transaction().execute(async (trx) => {
    await insertShop(trx, { id: shopId, slug: 'demo', name: '小美家 · 美妆服饰', created_at: ago(60 * 24 * 365) });
    agentIds = new Map<string, { id: string; name: string }>();
    for (const agent of DEMO_AGENTS) {
      const id = newId();
      agentIds.set(agent.username, { id, name: agent.name });
      await insertAgent(trx, {
        id,
        shop_id: shopId,
        username: agent.username,
        name: agent.name,
        role: agent.role,
        password_hash: passwordHash,
        created_at: ago(60 * 24 * 300),
      });
    }

    const products = [];
    for (const [index, p] of DEMO_PRODUCTS.entries()) {
      const id = newId();
      const skus = combinations(p.options).map((props) => ({ id: newId(), props, stock: Math.floor(random.next() * 200) }));
      products.push({ id, ...p, skus });
      await insertDemoProduct(trx, {
        id,
        shop_id: shopId,
        title: p.title,
        category: p.category,
        price_fen: p.priceFen,
        image_url: null,
        description: p.description,
        listing_notes: p.listingNotes ?? null,
        size_chart: p.sizeChart ? JSON.stringify(SIZE_CHART) : null,
        weight_g: demoWeightG(p),
        created_at: ago(60 * 24 * (200 - index)),
      });
      await insertDemoSkus(
        trx,
        skus.map((s) => ({
          id: s.id,
          shop_id: shopId,
          product_id: id,
          props: JSON.stringify(s.props),
          price_fen: p.priceFen,
          stock: s.stock,
        })),
      );
    }

    await seedCatalogueLinks(trx, shopId, products, ago(60 * 24 * 30));

    const buyers = BUYER_NICKS.map((nick, i) => {
      const [province, city, street] = PLACES[i % PLACES.length]!;
      return {
        id: newId(),
        shop_id: shopId,
        visitor_id: `demo-buyer-${String(i + 1).padStart(3, '0')}`,
        nick,
        // The customer id the demo shop's "backend" signs for identity (POST /api/v1/demo/identity).
        external_id: `demo-member-${String(i + 1).padStart(3, '0')}`,
        phone: `1${3 + (i % 6)}${String(10_000_000 + i * 7_919_31).slice(0, 9)}`,
        province,
        city,
        street,
        vip_level: i % 7 === 0 ? 3 : i % 3 === 0 ? 1 : 0,
        created_at: ago(60 * 24 * (30 + i * 5)),
        last_seen_at: ago(i * 37),
        identity_source: 'demo' as const,
      };
    });
    for (const { street: _street, ...buyer } of buyers) await insertDemoBuyer(trx, buyer);

    // 2–3 orders per buyer, every state represented, timestamps consistent with the state.
    let orderNumber = 0;
    for (const [i, buyer] of buyers.entries()) {
      for (let k = 0; k < 2 + (i % 2); k++) {
        orderNumber += 1;
        const status = ORDER_STATUSES[(i + k * 2) % ORDER_STATUSES.length]!;
        const placedMinutesAgo = 30 + Math.floor(random.next() * 60 * 24 * 40);
        const items = [random.pick(products), ...(random.next() < 0.3 ? [random.pick(products)] : [])].map((p) => {
          const sku = random.pick(p.skus);
          return {
            product_id: p.id,
            title: p.title,
            sku_props: JSON.stringify(sku.props),
            price_fen: p.priceFen,
            quantity: 1 + Math.floor(random.next() * 2),
          };
        });
        const total = items.reduce((sum, it) => sum + it.price_fen * it.quantity, 0);
        const carrier = random.pick(CARRIERS);
        const shipped = ['shipped', 'signed', 'completed'].includes(status);
        const step = (n: number) => ago(Math.max(placedMinutesAgo - n, 1));
        const orderId = newId();
        await insertDemoOrder(
          trx,
          {
            id: orderId,
            shop_id: shopId,
            buyer_id: buyer.id,
            order_no: `${now.getUTCFullYear()}${String(1_100_000_000 + orderNumber * 7_777)}`,
            status,
            total_fen: total,
            receiver_name: buyer.nick.slice(0, 2) + '女士',
            receiver_phone: buyer.phone,
            receiver_address: `${buyer.province}${buyer.city === buyer.province ? '' : buyer.city}${buyer.street}`,
            carrier: shipped ? carrier.name : null,
            tracking_no: shipped ? `${carrier.prefix}${String(4_300_000_000_000 + orderNumber * 130_217)}` : null,
            memo: k === 0 && i % 9 === 0 ? '买家要求用顺丰，已补运费差价' : null,
            placed_at: ago(placedMinutesAgo),
            paid_at: status === 'pending_payment' || (status === 'closed' && k % 2 === 0) ? null : step(5),
            shipped_at: shipped ? step(60 * 20) : null,
            signed_at: status === 'signed' || status === 'completed' ? step(60 * 70) : null,
            completed_at: status === 'completed' ? step(60 * 24 * 8) : null,
            closed_at: status === 'closed' ? step(60 * 24) : null,
          },
          items.map((it) => ({ ...it, order_id: orderId })),
        );
      }
    }

    await seedDemoLogistics(trx, shopId, now);

    for (const script of DEMO_CONVERSATIONS) {
      const buyer = buyers[script.buyer]!;
      const conversationId = newId();
      const start = script.startedMinutesAgo;
      await insertDemoConversation(trx, {
        id: conversationId,
        shop_id: shopId,
        buyer_id: buyer.id,
        status: 'open',
        assignee_id: null,
        last_seq: 0,
        last_message_id: null,
        waiting_since: null,
        agent_read_seq: 0,
        buyer_read_seq: 0,
        created_at: ago(start),
        updated_at: ago(start),
      });
      // Seeding: a prepared history in the seed's transaction, through the writer's own batch function, with no origin
      // (history is news to nobody: no events, no automation).
      const stored = await storeSeedMessages(
        trx,
        script.lines.map((line, n) => {
          const agent = line[0] === 'a' ? agentIds.get(line[1])! : null;
          return {
            id: newId(),
            shopId,
            conversationId,
            sender: line[0] === 'a' ? 'agent' : 'buyer',
            agentId: agent?.id ?? null,
            kind: 'text',
            body: line[0] === 'a' ? line[2] : line[1],
            payload: agent ? JSON.stringify({ agentName: agent.name }) : null,
            clientMsgId: null,
            createdAt: ago(start - n * Math.min(2, start / script.lines.length)),
          };
        }),
      );
      const lastSeq = stored.at(-1)!.row.seq;
      // Finished chats were read by both sides; waiting ones are new to the shop.
      await updateDemoConversation(trx, conversationId, {
        agent_read_seq: script.waiting ? 0 : lastSeq,
        buyer_read_seq: lastSeq,
        waiting_since: script.waiting ? stored[0]!.row.created_at : null,
        status: !script.waiting && start > 600 ? 'closed' : 'open',
      });
    }
    await seedDemoCrm(trx, { shopId, buyers, products, agents: agentIds, now });
    await seedDemoPaymentReminders(trx, { shopId, now });
    await seedDemoQuickReplies(trx, { shopId, agents: agentIds, at: ago(60 * 24 * 30) });
    await seedDemoAutomation(trx, { shopId, now });
    await seedDemoHistory(trx, { shopId, agents: agentIds, products, now });
  });
  // After the shop exists: cases are opened through the cases module's own commands, each in its own transaction.
  await seedDemoCases(app, { shopId, aftersale: agentIds.get('aftersale1')! });
  // The 绩效 figures' facts, from the demo's chats and orders (the seed wrote history, not events).
  await rebuildMeasures(app, { shopId });
  return { created: true, generatedPassword: app.config.demoPassword ? undefined : password };
}
