import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { PUBLIC_PREFIXES } from './cross-origin.js';
import type { HttpServer } from './http-server.js';

/** What other origins load: the widget script and its assets, and the widget's API (which also answers CORS). */
const CROSS_ORIGIN_PREFIXES = ['/widget/', ...PUBLIC_PREFIXES];
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The page's own WebSocket origin: CSP 'self' covers ws(s) only in CSP3 browsers, so it is named as well. */
function ownSockets(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Security headers on every response (helmet): a strict Content-Security-Policy (the agent token lives in
 * localStorage, so no script may run but our own files), no framing, no referrer, nosniff, same-origin resource
 * policy — except what shops' own pages load from us, which stays loadable cross-origin.
 */
export function registerSecurityHeaders(app: HttpServer) {
  // Built once: @fastify/helmet would rebuild helmet's middleware on every request (~30 µs vs ~4 µs), which the
  // message API's rate notices.
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design and the widget inject <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Product pictures come from the shops' own image hosts.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ownSockets],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Ignored over plain http; behind TLS it pins https for this host only (other subdomains are the shop's business).
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (error?: unknown) => {
      if (error) return done(error as Error);
      const url = request.url;
      if (CROSS_ORIGIN_PREFIXES.some((prefix) => url.startsWith(prefix))) {
        reply.raw.setHeader('cross-origin-resource-policy', 'cross-origin');
      }
      done();
    });
  });
}
