import { chinaMidnightOf, chinaTimeOf, GOOD_REASONS, BAD_REASONS } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { storeSeedMessages } from '../conversations/index.js';
import { AFTERSALE_SCRIPTS, BAD_COMMENTS, GOOD_COMMENTS, HISTORY_NICKS, PRESALE_SCRIPTS } from './demo-history-scripts.js';
import { CARRIERS, PLACES } from './demo-people.js';
import {
  insertDemoBuyer,
  insertDemoConversation,
  insertDemoOrder,
  insertDemoRatings,
  insertDemoStatusPeriods,
  updateDemoConversation,
} from './demo-seed.repository.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HISTORY_DAYS = 7;

type Agent = { id: string; name: string };
type Product = { id: string; title: string; priceFen: number; skus: { props: Record<string, string> }[] };

/**
 * How each demo agent answers (seconds), how often slowly (3–8 minutes), and how often a buyer's last question goes
 * unanswered: a quick 售前, a steady 售后, a 辅助 who is sometimes slow.
 */
const PACE: Record<string, { base: number; spread: number; slowChance: number; missChance: number }> = {
  presale1: { base: 5, spread: 35, slowChance: 0.04, missChance: 0.02 },
  aftersale1: { base: 15, spread: 90, slowChance: 0.1, missChance: 0.04 },
  support1: { base: 20, spread: 150, slowChance: 0.2, missChance: 0.12 },
};

/** One past visit: a buyer's chat on a China day, the agent who answered, and how it went. */
interface Visit {
  buyer: number;
  agent: 'presale1' | 'aftersale1' | 'support1';
  group: 'presale' | 'aftersale';
  startMs: number;
  script: readonly string[];
  /** The buyer's last line went unanswered (a 10-minute turn). */
  unanswered: boolean;
}

/** A repeatable pseudo-random sequence, so every fresh demo shop has the same week. */
function randomSequence(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

// Busy hours of a marketplace shop (China time): late morning, afternoon, evening; now and then a late-night question.
const HOURS = [9, 10, 10, 11, 11, 13, 14, 14, 15, 16, 19, 20, 20, 21, 21, 22, 23, 7];

/** The week's visits, 8–12 a day for the last seven China days, in time order. */
function planVisits(now: Date, random: () => number): Visit[] {
  const today = chinaTimeOf(now).date;
  const visits: Visit[] = [];
  let n = 0;
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const midnight = chinaMidnightOf(today) - daysAgo * DAY;
    const count = 8 + ((daysAgo * 5) % 5);
    for (let k = 0; k < count; k++, n++) {
      const presale = random() < 0.7;
      const hour = HOURS[Math.floor(random() * HOURS.length)]!;
      const agent = presale ? (random() < 0.7 ? 'presale1' : 'support1') : random() < 0.8 ? 'aftersale1' : 'support1';
      visits.push({
        buyer: (n * 7) % HISTORY_NICKS.length,
        agent,
        group: presale ? 'presale' : 'aftersale',
        startMs: midnight + hour * 60 * MINUTE + Math.floor(random() * 55) * MINUTE,
        script: presale
          ? PRESALE_SCRIPTS[Math.floor(random() * PRESALE_SCRIPTS.length)]!
          : AFTERSALE_SCRIPTS[Math.floor(random() * AFTERSALE_SCRIPTS.length)]!,
        unanswered: random() < PACE[agent]!.missChance,
      });
    }
  }
  return visits.sort((a, b) => a.startMs - b.startMs);
}

export interface DemoHistoryProps {
  shopId: string;
  agents: Map<string, Agent>;
  products: readonly Product[];
  now: Date;
}

/**
 * A week of past service for the 绩效 board and charts (issue 13): buyers who asked and then ordered and paid (the same
 * day, the next, or not at all), after-sales questions, replies at each agent's pace (a few slow, a few unanswered, a
 * few past 23:00), ratings and online time. Messages go through the writer's seed function like the rest of the demo;
 * the figures' facts are rebuilt from them afterwards (rebuildMeasures).
 */
export async function seedDemoHistory(trx: Transaction<Database>, props: DemoHistoryProps) {
  const { shopId, agents, products, now } = props;
  const random = randomSequence(20261305);
  const visits = planVisits(now, random);
  const iso = (ms: number) => new Date(ms).toISOString();

  const buyers = HISTORY_NICKS.map((nick, i) => {
    const [province, city] = PLACES[(i * 3) % PLACES.length]!;
    return { id: newId(), conversationId: newId(), nick, province, city, index: i };
  });
  for (const buyer of buyers) {
    const first = visits.find((v) => v.buyer === buyer.index)?.startMs ?? now.getTime() - HISTORY_DAYS * DAY;
    await insertDemoBuyer(trx, {
      id: buyer.id,
      shop_id: shopId,
      visitor_id: `demo-history-${String(buyer.index + 1).padStart(3, '0')}`,
      nick: buyer.nick,
      phone: null,
      province: buyer.province,
      city: buyer.city,
      vip_level: 0,
      created_at: iso(first - 30 * MINUTE),
      last_seen_at: iso(first),
      identity_source: 'demo',
    });
  }

  const messages: Parameters<typeof storeSeedMessages>[1] = [];
  const ratings: Database['satisfaction_ratings'][] = [];
  const lastAt = new Map<number, number>();
  let orderNumber = 0;
  for (const visit of visits) {
    const buyer = buyers[visit.buyer]!;
    const agent = agents.get(visit.agent)!;
    const pace = PACE[visit.agent]!;
    // A buyer who came back the same day starts after their last chat ended.
    let at = Math.max(visit.startMs, (lastAt.get(visit.buyer) ?? 0) + 20 * MINUTE);
    // Scripts alternate buyer, agent: without its last line the buyer's last question waits for good.
    const lines = visit.unanswered ? visit.script.slice(0, -1) : visit.script;
    const firstSeq = messages.filter((m) => m.conversationId === buyer.conversationId).length + 1;
    let slowest = 0;
    lines.forEach((body, n) => {
      const fromBuyer = n % 2 === 0;
      if (!fromBuyer) {
        const seconds = random() < pace.slowChance ? 180 + random() * 300 : pace.base + random() * pace.spread;
        slowest = Math.max(slowest, seconds);
        at += Math.round(seconds * 1000);
      } else if (n > 0) at += Math.round((20 + random() * 90) * 1000);
      messages.push({
        id: newId(),
        shopId,
        conversationId: buyer.conversationId,
        sender: fromBuyer ? 'buyer' : 'agent',
        agentId: fromBuyer ? null : agent.id,
        kind: 'text',
        body,
        payload: fromBuyer ? null : JSON.stringify({ agentName: agent.name }),
        clientMsgId: null,
        createdAt: iso(at),
      });
    });
    const unanswered = lines.length % 2 === 1;
    lastAt.set(visit.buyer, at);

    if (visit.group === 'presale' && random() < 0.6) {
      orderNumber += 1;
      const { order, items } = pastOrder({ shopId, buyer, at, now, orderNumber, products, random });
      await insertDemoOrder(trx, order, items);
    }
    if (random() < 0.6) {
      const score = scoreFor(unanswered, slowest, random);
      const reasons = reasonsFor(score, slowest, random);
      const comments = score >= 4 ? GOOD_COMMENTS : BAD_COMMENTS;
      const ratedAt = at + Math.round((1 + random() * 3) * MINUTE);
      ratings.push({
        id: newId(),
        shop_id: shopId,
        conversation_id: buyer.conversationId,
        buyer_id: buyer.id,
        agent_id: agent.id,
        session_key: `from:${firstSeq}`,
        invited_at: iso(at + 30_000),
        invited_by: 'closed',
        inviting_agent_id: null,
        score,
        reasons_json: JSON.stringify(reasons),
        comment: random() < 0.3 ? comments[Math.floor(random() * comments.length)]! : null,
        rated_at: iso(ratedAt),
        day: chinaTimeOf(new Date(ratedAt)).date,
      });
    }
  }

  for (const buyer of buyers) {
    const own = messages.filter((m) => m.conversationId === buyer.conversationId);
    if (own.length === 0) continue;
    const assignee = visits.filter((v) => v.buyer === buyer.index).at(-1)!.agent;
    await insertDemoConversation(trx, {
      id: buyer.conversationId,
      shop_id: shopId,
      buyer_id: buyer.id,
      status: 'open',
      assignee_id: agents.get(assignee)!.id,
      group_key: visits.find((v) => v.buyer === buyer.index)!.group,
      last_seq: 0,
      last_message_id: null,
      waiting_since: null,
      agent_read_seq: 0,
      buyer_read_seq: 0,
      created_at: own[0]!.createdAt,
      updated_at: own[0]!.createdAt,
    });
  }
  const stored = await storeSeedMessages(trx, messages);
  const lastSeqOf = new Map(stored.map((s) => [s.row.conversation_id, s.row.seq]));
  for (const [conversationId, lastSeq] of lastSeqOf) {
    await updateDemoConversation(trx, conversationId, {
      agent_read_seq: lastSeq,
      buyer_read_seq: lastSeq,
      waiting_since: null,
      status: 'closed',
    });
  }
  await insertDemoRatings(trx, ratings);
  await insertDemoStatusPeriods(trx, onlinePeriods(shopId, agents, now));
}

/** How the buyer rated the chat: mostly well when answered within two minutes, less so when slow, badly when left waiting. */
function scoreFor(unanswered: boolean, slowestSeconds: number, random: () => number): number {
  const roll = random();
  if (unanswered) return roll < 0.6 ? 1 : 2;
  if (slowestSeconds <= 120) return roll < 0.7 ? 5 : roll < 0.95 ? 4 : 3;
  if (slowestSeconds <= 300) return roll < 0.2 ? 5 : roll < 0.7 ? 4 : roll < 0.9 ? 3 : 2;
  return roll < 0.2 ? 4 : roll < 0.6 ? 3 : 2;
}

/** What the buyer ticked: a quick reply praised as such, a slow one blamed as such, otherwise one of the level's reasons. */
function reasonsFor(score: number, slowestSeconds: number, random: () => number): string[] {
  const pick = (keys: string[]) => keys[Math.floor(random() * keys.length)]!;
  if (score >= 4) {
    const first = slowestSeconds <= 60 && random() < 0.6 ? 'fast_reply' : pick(Object.keys(GOOD_REASONS));
    const second = pick(Object.keys(GOOD_REASONS));
    return random() < 0.3 && second !== first ? [first, second] : [first];
  }
  return [slowestSeconds > 180 || score === 1 ? 'slow_reply' : pick(Object.keys(BAD_REASONS))];
}

/** An order placed after the chat: mostly paid within the half hour, some the next day or two, some never (closed). */
function pastOrder(props: {
  shopId: string;
  buyer: { id: string; nick: string; province: string; city: string };
  at: number;
  now: Date;
  orderNumber: number;
  products: readonly Product[];
  random: () => number;
}): { order: Parameters<typeof insertDemoOrder>[1]; items: Parameters<typeof insertDemoOrder>[2] } {
  const { shopId, buyer, at, now, orderNumber, products, random } = props;
  const iso = (ms: number) => new Date(ms).toISOString();
  const placed = at + Math.round((3 + random() * 40) * MINUTE);
  const roll = random();
  const paidAfter = roll < 0.6 ? (2 + random() * 25) * MINUTE : roll < 0.78 ? DAY : roll < 0.86 ? 2 * DAY : null;
  let paid = paidAfter === null ? null : placed + Math.round(paidAfter);
  // The marketplace closes an order unpaid for 24 hours; one that is not due yet is paid at once instead.
  if (paid !== null && paid >= now.getTime()) paid = placed + 10 * MINUTE;
  if (paid === null && placed + DAY >= now.getTime()) paid = placed + 10 * MINUTE;
  const product = products[Math.floor(random() * products.length)]!;
  const sku = product.skus[Math.floor(random() * product.skus.length)]!;
  const quantity = 1 + Math.floor(random() * 2);
  // Paid more than three days ago: delivered and confirmed; recently: waiting to ship.
  const done = paid !== null && paid + 3 * DAY < now.getTime();
  const carrier = CARRIERS[orderNumber % CARRIERS.length]!;
  const orderId = newId();
  return {
    order: {
      id: orderId,
      shop_id: shopId,
      buyer_id: buyer.id,
      order_no: `${now.getUTCFullYear()}5${String(500_000_000 + orderNumber * 3_373)}`,
      status: paid === null ? 'closed' : done ? 'completed' : 'paid',
      total_fen: product.priceFen * quantity,
      receiver_name: `${buyer.nick.slice(0, 1)}女士`,
      receiver_phone: `139${String(10_000_000 + orderNumber * 104_729).slice(0, 8)}`,
      receiver_address: `${buyer.province}${buyer.city === buyer.province ? '' : buyer.city}人民路 ${10 + orderNumber} 号`,
      receiver_province: buyer.province,
      carrier: done ? carrier.name : null,
      tracking_no: done ? `${carrier.prefix}${String(5_200_000_000_000 + orderNumber * 170_003)}` : null,
      memo: null,
      placed_at: iso(placed),
      paid_at: paid === null ? null : iso(paid),
      shipped_at: done ? iso(paid! + 6 * 60 * MINUTE) : null,
      signed_at: done ? iso(paid! + 2 * DAY) : null,
      completed_at: done ? iso(paid! + 3 * DAY) : null,
      closed_at: paid === null ? iso(placed + DAY) : null,
    },
    items: [
      {
        order_id: orderId,
        product_id: product.id,
        title: product.title,
        sku_props: JSON.stringify(sku.props),
        price_fen: product.priceFen,
        quantity,
      },
    ],
  };
}

/** Each agent's working hours of the week (在线 / 忙碌 at lunch), all ended: nobody is online from the seed. */
function onlinePeriods(shopId: string, agents: Map<string, Agent>, now: Date): Database['agent_status_periods'][] {
  const today = chinaTimeOf(now).date;
  const shifts: Record<string, [number, number, string][]> = {
    presale1: [
      [8.9, 12, 'online'],
      [12, 12.6, 'busy'],
      [12.6, 18.1, 'online'],
      [19.4, 22.8, 'online'],
    ],
    aftersale1: [
      [9, 12, 'online'],
      [12, 13, 'busy'],
      [13, 18, 'online'],
    ],
    support1: [
      [9.5, 12, 'online'],
      [13.5, 17.5, 'online'],
    ],
  };
  const periods: Database['agent_status_periods'][] = [];
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const midnight = chinaMidnightOf(today) - daysAgo * DAY;
    for (const [username, shift] of Object.entries(shifts)) {
      // Everyone has a day off in the week: a different one each.
      if ((daysAgo + username.length) % 7 === 0) continue;
      for (const [from, to, status] of shift) {
        periods.push({
          id: newId(),
          shop_id: shopId,
          agent_id: agents.get(username)!.id,
          status,
          started_at: new Date(midnight + from * 60 * MINUTE).toISOString(),
          ended_at: new Date(midnight + to * 60 * MINUTE).toISOString(),
        });
      }
    }
  }
  return periods;
}
