import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { DemoIdentityResponse, Message, SendMessageResponse, ServerFrame } from '@golddesk/contracts';
import { DEMO_PASSWORD } from './test-server.js';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** fetch + JSON, returning status and parsed body whatever the status. */
export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, { method, headers, body: body as BodyInit | undefined });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, body: parsed as T };
}

/** Polls `check` every 100 ms until it holds (at most ~10 s): for work the server does after answering. */
export async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function loginAgent(base: string, username = 'presale1', password = DEMO_PASSWORD, shop = 'demo') {
  const response = await api(base, 'POST', '/api/v1/auth/login', { body: { shop, username, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { token: string; agent: { id: string; name: string; role: string } };
}

export interface BuyerSession {
  token: string;
  visitorId: string;
  /** Issued to anonymous visitors: with visitorId it resumes the same buyer. */
  visitorSecret?: string;
  buyer: { id: string; nick: string; verified: boolean };
  conversation: { id: string };
}

/** A new anonymous widget visitor, or the same one again when its visitorId and visitorSecret are given. */
export async function startBuyer(
  base: string,
  resume?: { visitorId: string; visitorSecret?: string },
  extra: object = {},
): Promise<BuyerSession> {
  const credentials = resume ? { visitorId: resume.visitorId, visitorSecret: resume.visitorSecret } : {};
  const response = await api(base, 'POST', '/api/v1/widget/sessions', { body: { shop: 'demo', ...credentials, ...extra } });
  if (response.status !== 200) throw new Error(`widget session failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as BuyerSession;
}

/**
 * A seeded demo buyer (demo-buyer-001 …) in the widget, reached as a real shop's customer is: through the shop's
 * signed identity (the demo shop's POST /api/v1/demo/identity plays the shop's backend).
 */
export async function startDemoBuyer(base: string, demoVisitorId: string): Promise<BuyerSession> {
  const signed = await api<DemoIdentityResponse>(base, 'POST', '/api/v1/demo/identity', {
    body: { shop: 'demo', buyer: demoVisitorId },
  });
  if (signed.status !== 200) throw new Error(`demo identity failed: ${signed.status} ${JSON.stringify(signed.body)}`);
  return startBuyer(base, undefined, { identity: signed.body.identity });
}

export async function buyerSays(base: string, token: string, body: string, clientMsgId: string = randomUUID()) {
  return api<SendMessageResponse>(base, 'POST', '/api/v1/widget/messages', { token, body: { body, clientMsgId } });
}

export async function agentSays(
  base: string,
  token: string,
  conversationId: string,
  body: string,
  clientMsgId: string = randomUUID(),
) {
  return api<SendMessageResponse>(base, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
    token,
    body: { body, clientMsgId },
  });
}

/** The server frame of one `type` ('message.created' → its frame with `message`). */
export type FrameOf<K extends ServerFrame['type']> = Extract<ServerFrame, { type: K }>;

/** A stream client that records every frame and can wait for one that matches. */
export class StreamClient {
  readonly frames: ServerFrame[] = [];
  private waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
  }

  static async connect(base: string, token: string): Promise<StreamClient> {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/stream?token=${encodeURIComponent(token)}`);
    const client = new StreamClient(socket);
    await client.next((f) => f.type === 'ready', 5000);
    return client;
  }

  send(frame: object) {
    this.socket.send(JSON.stringify(frame));
  }

  /** Resolves with the first frame (already received or coming) that matches; a lone `f.type === '…'` check narrows it. */
  next<F extends ServerFrame>(match: (frame: ServerFrame) => frame is F, timeoutMs?: number): Promise<F>;
  next(match: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  next(match: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /** Resolves with the first frame of that `type` (already received or coming) that also passes `match`. */
  nextOfType<K extends ServerFrame['type']>(
    type: K,
    match: (frame: FrameOf<K>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<FrameOf<K>> {
    return this.next((f): f is FrameOf<K> => f.type === type && match(f as FrameOf<K>), timeoutMs);
  }

  messages(conversationId?: string): Message[] {
    return this.frames.flatMap((f) =>
      f.type === 'message.created' && (!conversationId || f.message.conversationId === conversationId) ? [f.message] : [],
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
