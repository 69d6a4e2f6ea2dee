/**
 * The load process: a child of bench/run.ts, so generating load never shares the server's event loop.
 * Opens N buyer widget sessions, each with its own WebSocket stream, and M agent streams; buyers send
 * messages (WebSocket `message.send` or HTTP POST /api/v1/widget/messages); agents time each
 * `message.created` against the send time embedded in the body (`bench:<t> …`).
 *
 * All times are `performance.timeOrigin + performance.now()` of this one process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { LoginResponse, WidgetSessionResponse } from '@golddesk/contracts';
import type { LoadPlan, LoadResult, ToLoadClient, ToOrchestrator } from './protocol.js';
import { Samples } from './stats.js';

const now = () => performance.timeOrigin + performance.now();

/** Realistic buyer lines (jieba indexes them, as it would real chat). */
const TEXTS = [
  '你好，请问这款什么时候发货？',
  '我想问一下尺码怎么选，平时穿M码',
  '订单号已经付款了，麻烦尽快安排',
  '这个颜色还有货吗？',
  '收到的商品有点问题，可以退换吗',
  '快递到哪里了，三天了还没更新物流',
  '有没有优惠券可以用？',
  '好的，谢谢客服！',
];

interface Buyer {
  index: number;
  token: string;
  conversationId: string;
  socket?: WebSocket;
  inflight: number;
  /** Send times of unacknowledged WebSocket messages, in order (the server answers a socket's frames in order). */
  pending: number[];
  counter: number;
  /** The welcome auto-reply reached this buyer's socket. */
  welcomed: boolean;
}

interface AgentSocket {
  socket: WebSocket;
  windowDeliveries: number;
}

function post(message: ToOrchestrator) {
  process.send?.(message);
}

async function json<T>(url: string, init: RequestInit & { body?: string }): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} → ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** Runs `count` tasks with at most `limit` at a time. */
async function parallel(count: number, limit: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(workers);
}

function openStream(baseUrl: string, token: string, onFrame: (text: string) => void): Promise<WebSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream?token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    let ready = false;
    const timer = setTimeout(() => reject(new Error('no ready frame within 15 s')), 15_000);
    socket.on('message', (data) => {
      const text = data.toString();
      if (!ready) {
        if (text.startsWith('{"type":"ready"')) {
          ready = true;
          clearTimeout(timer);
          resolve(socket);
        }
        return;
      }
      onFrame(text);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const BODY_MARK = '"body":"bench:';

/** The send time embedded in a message.created frame, without parsing the whole frame. */
function sentAtOf(frame: string): number {
  const at = frame.indexOf(BODY_MARK);
  if (at < 0) return NaN;
  const start = at + BODY_MARK.length;
  const end = frame.indexOf(' ', start);
  return Number(frame.slice(start, end));
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const errors: string[] = [];
  const note = (error: unknown) => {
    if (errors.length < 20) errors.push(error instanceof Error ? error.message : String(error));
  };
  const progress = (text: string) => post({ type: 'progress', text: `[${plan.label}] ${text}` });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });

  // ---- set-up: agents, buyers, sockets -----------------------------------------------------------
  const setupStart = now();
  const agentTokens: string[] = [];
  for (const username of plan.agentUsers) {
    const login = await json<LoginResponse>(`${plan.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ shop: plan.shop, username, password: plan.password }),
    });
    agentTokens.push(login.token);
  }

  let windowStart = Infinity;
  let windowEnd = Infinity;
  let running = true;
  const delivery = new Samples();
  const ack = new Samples();
  let sent = 0;
  let acked = 0;
  let sentInWindow = 0;
  let ackedInWindow = 0;
  /** Acked at any time, sent inside the window: the denominator of the delivery completeness check. */
  let ackedOfWindowMessages = 0;
  let rejected = 0;
  let skippedSends = 0;
  let totalDeliveries = 0;

  const agents: AgentSocket[] = [];
  for (let i = 0; i < plan.agentSockets; i++) {
    const agent: AgentSocket = { socket: undefined as unknown as WebSocket, windowDeliveries: 0 };
    agent.socket = await openStream(plan.baseUrl, agentTokens[i % agentTokens.length]!, (frame) => {
      if (!frame.startsWith('{"type":"message.created"')) return;
      const arrived = now();
      const sentAt = sentAtOf(frame);
      if (!(sentAt >= windowStart && sentAt < windowEnd)) return;
      totalDeliveries++;
      agent.windowDeliveries++;
      delivery.push(arrived - sentAt);
    });
    agents.push(agent);
  }
  progress(`${agents.length} agent sockets ready`);

  const buyers: Buyer[] = new Array(plan.buyers);
  const runTag = Math.random().toString(36).slice(2, 8);
  await parallel(plan.buyers, plan.setupConcurrency, async (i) => {
    const session = await json<WidgetSessionResponse>(`${plan.baseUrl}/api/v1/widget/sessions`, {
      method: 'POST',
      body: JSON.stringify({ shop: plan.shop, visitorId: `bench-${runTag}-${i}`, nick: `压测买家${i}` }),
    });
    buyers[i] = {
      index: i,
      token: session.token,
      conversationId: session.conversation.id,
      inflight: 0,
      pending: [],
      counter: 0,
      welcomed: false,
    };
    if ((i + 1) % 500 === 0) progress(`${i + 1}/${plan.buyers} buyer sessions`);
  });
  await parallel(plan.buyers, plan.setupConcurrency, async (i) => {
    const buyer = buyers[i]!;
    buyer.socket = await openStream(plan.baseUrl, buyer.token, (frame) => onBuyerFrame(buyer, frame));
    if ((i + 1) % 500 === 0) progress(`${i + 1}/${plan.buyers} buyer sockets`);
  });
  const setupSeconds = (now() - setupStart) / 1000;
  progress(`set-up done in ${setupSeconds.toFixed(1)} s: ${plan.buyers} buyers, ${plan.agentSockets} agents`);

  // ---- sending -------------------------------------------------------------------------------------
  function acknowledged(buyer: Buyer, sentAt: number, ok: boolean) {
    buyer.inflight--;
    const t = now();
    if (ok) {
      acked++;
      if (t >= windowStart && t < windowEnd) ackedInWindow++;
      if (sentAt >= windowStart && sentAt < windowEnd) {
        ackedOfWindowMessages++;
        ack.push(t - sentAt);
      }
    } else {
      rejected++;
    }
    if (plan.mode === 'max' && running) send(buyer);
  }

  const welcomeFrame = plan.welcomeMark ? `"sender":"bot","body":${JSON.stringify(plan.welcomeMark).slice(0, -1)}` : undefined;
  let welcomedBuyers = 0;

  function onBuyerFrame(buyer: Buyer, frame: string) {
    // Own message.created echoes are ignored; a bot line starting with the welcome's text counts the welcome.
    // Acks answer the oldest pending send.
    if (frame.startsWith('{"type":"message.created"')) {
      if (welcomeFrame && !buyer.welcomed && frame.includes(welcomeFrame)) {
        buyer.welcomed = true;
        welcomedBuyers++;
      }
    } else if (frame.startsWith('{"type":"message.ack"')) {
      acknowledged(buyer, buyer.pending.shift() ?? NaN, true);
    } else if (frame.startsWith('{"type":"message.rejected"')) {
      note(`rejected: ${frame.slice(0, 200)}`);
      acknowledged(buyer, buyer.pending.shift() ?? NaN, false);
    } else if (frame.startsWith('{"type":"error"')) {
      note(`error frame: ${frame.slice(0, 200)}`);
    }
  }

  function send(buyer: Buyer) {
    if (buyer.inflight >= plan.inflight) return false;
    const n = buyer.counter++;
    const t = now();
    const body = `bench:${t.toFixed(3)} ${TEXTS[(buyer.index + n) % TEXTS.length]}`;
    const clientMsgId = `${runTag}-${buyer.index}-${n}`;
    buyer.inflight++;
    sent++;
    if (t >= windowStart && t < windowEnd) sentInWindow++;
    if (plan.transport === 'ws') {
      buyer.pending.push(t);
      buyer.socket!.send(JSON.stringify({ type: 'message.send', clientMsgId, body }));
    } else {
      fetch(`${plan.baseUrl}/api/v1/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.token}` },
        body: JSON.stringify({ clientMsgId, body }),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          if (!response.ok) note(`HTTP ${response.status}`);
          acknowledged(buyer, t, response.ok);
        },
        (error) => {
          note(error);
          acknowledged(buyer, t, false);
        },
      );
    }
    return true;
  }

  const runStart = now();
  windowStart = runStart + plan.warmupSeconds * 1000;
  windowEnd = windowStart + plan.measureSeconds * 1000;
  progress(
    `warm-up ${plan.warmupSeconds} s, then measuring ${plan.measureSeconds} s (${plan.mode === 'max' ? `max, ≤${plan.inflight} in flight per buyer` : `${plan.rate} msg/s`}, ${plan.transport})`,
  );

  let windowAnnounced = false;
  const progressTimer = setInterval(() => {
    const t = now();
    if (!windowAnnounced && t >= windowStart) {
      windowAnnounced = true;
      loopDelay.reset();
      post({ type: 'window', edge: 'start', at: windowStart });
    }
    const phase = t < windowStart ? 'warm-up' : t < windowEnd ? 'measuring' : 'draining';
    progress(
      `${phase}: sent ${sent}, acked ${acked}, rejected ${rejected}, window deliveries ${totalDeliveries}` +
        (welcomeFrame ? `, welcomed ${welcomedBuyers}/${plan.buyers}` : ''),
    );
  }, 2000);
  loopDelay.enable();

  if (plan.mode === 'max') {
    for (const buyer of buyers) for (let k = 0; k < plan.inflight; k++) send(buyer);
    await sleepUntil(windowEnd);
  } else {
    let cursor = 0;
    let sentByPacer = 0;
    const maxBurst = Math.max(1, Math.ceil(plan.rate * 0.1));
    while (now() < windowEnd) {
      const due = Math.floor((plan.rate * (now() - runStart)) / 1000) - sentByPacer;
      let toSend = Math.min(due, maxBurst);
      if (due > maxBurst) sentByPacer += due - maxBurst; // a stalled client does not catch up in one burst
      let tries = 0;
      while (toSend > 0 && tries < buyers.length) {
        const buyer = buyers[cursor]!;
        cursor = (cursor + 1) % buyers.length;
        if (send(buyer)) {
          toSend--;
          sentByPacer++;
          tries = 0;
        } else {
          tries++;
          skippedSends++;
        }
      }
      await new Promise((r) => setTimeout(r, plan.sliceMs));
    }
  }
  running = false;
  if (!windowAnnounced) post({ type: 'window', edge: 'start', at: windowStart });
  post({ type: 'window', edge: 'end', at: windowEnd });
  const loopP99 = loopDelay.percentile(99) / 1e6;
  loopDelay.disable();

  // ---- drain: wait for outstanding acks and deliveries ---------------------------------------------
  const drainDeadline = now() + 15_000;
  const outstanding = () => buyers.reduce((sum, b) => sum + b.inflight, 0);
  while (now() < drainDeadline) {
    const everyAgentHasAll = agents.every((a) => a.windowDeliveries >= ackedOfWindowMessages);
    const everyBuyerWelcomed = !welcomeFrame || welcomedBuyers === plan.buyers;
    if (outstanding() === 0 && everyAgentHasAll && everyBuyerWelcomed) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  clearInterval(progressTimer);
  if (outstanding() > 0) note(`${outstanding()} messages still unacknowledged after the drain`);
  if (welcomeFrame && welcomedBuyers < plan.buyers)
    note(`only ${welcomedBuyers} of ${plan.buyers} buyers got the welcome auto-reply`);

  const windowSeconds = (windowEnd - windowStart) / 1000;
  const result: LoadResult = {
    label: plan.label,
    windowSeconds,
    sent: sentInWindow,
    acked: ackedInWindow,
    rejected,
    errors,
    storedPerSecond: ackedInWindow / windowSeconds,
    sentPerSecond: sentInWindow / windowSeconds,
    delivery: delivery.quantiles(),
    ack: ack.quantiles(),
    deliveredToAllAgents: Math.min(...agents.map((a) => a.windowDeliveries)),
    ackedInWindow: ackedOfWindowMessages,
    skippedSends,
    setupSeconds,
    ...(welcomeFrame ? { welcome: { welcomed: welcomedBuyers, buyers: plan.buyers } } : {}),
    clientLoopDelayP99Ms: loopP99,
  };

  for (const buyer of buyers) buyer.socket?.terminate();
  for (const agent of agents) agent.socket.terminate();
  return result;
}

function sleepUntil(t: number) {
  return new Promise<void>((resolve) => {
    const tick = () => {
      const left = t - now();
      if (left <= 0) resolve();
      else setTimeout(tick, Math.min(left, 200));
    };
    tick();
  });
}

// Entry point when forked by bench/run.ts.
if (process.send) {
  process.on('message', (message: ToLoadClient) => {
    if (message.type === 'abort') process.exit(2);
    if (message.type !== 'plan') return;
    const { plan } = message;
    setTimeout(() => {
      post({ type: 'failed', error: `load process hit its ${plan.deadlineSeconds} s limit` });
      process.exit(3);
    }, plan.deadlineSeconds * 1000).unref();
    runLoad(plan).then(
      (result) => {
        post({ type: 'result', result });
        setTimeout(() => process.exit(0), 100);
      },
      (error) => {
        post({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        setTimeout(() => process.exit(1), 100);
      },
    );
  });
}
