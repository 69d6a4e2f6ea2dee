/**
 * The baseline: a minimal `ws` relay with no storage, speaking just enough of GoldDesk's protocol for
 * the same load client (login, widget sessions, the stream, message.send → message.ack, HTTP send).
 * Per message it does the same JSON work a chat server cannot avoid (parse the frame, build a Message,
 * stringify it once, fan it out to every agent and the buyer, ack the sender) and nothing else.
 *
 * Run: node --import tsx bench/raw-ws-relay.ts  (PORT=0 picks a free port; prints "listening on …").
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

interface Principal {
  kind: 'agent' | 'buyer';
  conversationId?: string;
}

const tokens = new Map<string, Principal>();
const agents = new Set<WebSocket>();
const buyersByConversation = new Map<string, Set<WebSocket>>();
const seqs = new Map<string, number>();

function relay(conversationId: string, clientMsgId: string, body: string) {
  const seq = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, seq);
  const message = {
    id: randomUUID(),
    conversationId,
    seq,
    sender: 'buyer',
    body,
    createdAt: new Date().toISOString(),
    kind: 'text',
    clientMsgId,
    agent: null,
    attachment: null,
    product: null,
  };
  const frame = JSON.stringify({ type: 'message.created', message });
  for (const agent of agents) agent.send(frame);
  for (const buyer of buyersByConversation.get(conversationId) ?? []) buyer.send(frame);
  return message;
}

/** What the relay reads from a request body or a socket frame: the same fields the real server reads. */
interface RelayInput {
  type?: string;
  username?: string;
  clientMsgId?: unknown;
  body?: unknown;
}

function readBody(request: http.IncomingMessage): Promise<RelayInput> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      try {
        resolve(parts.length ? JSON.parse(Buffer.concat(parts).toString()) : {});
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

function reply(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = http.createServer(async (request, response) => {
  try {
    const url = request.url ?? '/';
    if (request.method === 'GET' && url === '/healthz') return reply(response, 200, { status: 'ok' });
    if (request.method !== 'POST') return reply(response, 404, { error: { code: 'route_not_found', message: 'no' } });
    const body = await readBody(request);
    if (url === '/api/v1/auth/login') {
      const token = randomUUID();
      tokens.set(token, { kind: 'agent' });
      return reply(response, 200, { token, agent: { id: body.username, name: body.username, role: 'agent' } });
    }
    if (url === '/api/v1/widget/sessions') {
      const token = randomUUID();
      const conversationId = randomUUID();
      tokens.set(token, { kind: 'buyer', conversationId });
      return reply(response, 200, { token, buyer: { id: randomUUID() }, conversation: { id: conversationId } });
    }
    if (url === '/api/v1/widget/messages') {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const principal = tokens.get(token);
      if (!principal?.conversationId) return reply(response, 401, { error: { code: 'unauthenticated', message: 'no' } });
      const message = relay(principal.conversationId, String(body.clientMsgId), String(body.body));
      return reply(response, 201, { message });
    }
    return reply(response, 404, { error: { code: 'route_not_found', message: 'no' } });
  } catch {
    return reply(response, 400, { error: { code: 'invalid_json', message: 'bad' } });
  }
});

const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
server.on('upgrade', (request, socket, head) => {
  const url = new URL(request.url ?? '/', 'http://relay');
  const principal = url.pathname === '/api/v1/stream' ? tokens.get(url.searchParams.get('token') ?? '') : undefined;
  if (!principal) {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    if (principal.kind === 'agent') agents.add(ws);
    else {
      let room = buyersByConversation.get(principal.conversationId!);
      if (!room) buyersByConversation.set(principal.conversationId!, (room = new Set()));
      room.add(ws);
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: RelayInput;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid_input', message: 'frame' } }));
        return;
      }
      if (frame.type === 'ping') return ws.send('{"type":"pong"}');
      if (frame.type !== 'message.send' || principal.kind !== 'buyer') return;
      const message = relay(principal.conversationId!, String(frame.clientMsgId), String(frame.body));
      ws.send(JSON.stringify({ type: 'message.ack', clientMsgId: frame.clientMsgId, message }));
    });
    ws.on('close', () => {
      agents.delete(ws);
      buyersByConversation.get(principal.conversationId ?? '')?.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.send('{"type":"ready"}');
  });
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`raw ws relay listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
});
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
