import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { HttpServer } from './http-server.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const WORKBENCH_DIST = path.join(repositoryRoot, 'apps/workbench/dist');
export const WIDGET_DIST = path.join(repositoryRoot, 'apps/widget/dist');

/** The built workbench at `/` (with client-side routes), the widget at `/widget/`, the demo shop at `/demo-shop`. */
export async function registerStaticFiles(app: HttpServer) {
  await app.register(fastifyStatic, {
    root: WIDGET_DIST, prefix: '/widget/', decorateReply: false, index: false, wildcard: true,
  });
  app.get('/demo-shop', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    sendHtml(reply, path.join(WIDGET_DIST, 'demo-shop.html')));

  await app.register(fastifyStatic, { root: WORKBENCH_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  // Client-side routes of the workbench (e.g. /login) fall back to its index.html.
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    const file = path.join(WORKBENCH_DIST, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(WORKBENCH_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(WORKBENCH_DIST, file));
    }
    if (url.startsWith('/api/') || path.extname(url)) return reply.callNotFound();
    return sendHtml(reply, path.join(WORKBENCH_DIST, 'index.html'));
  });
}

function sendHtml(reply: import('fastify').FastifyReply, file: string) {
  if (!fs.existsSync(file)) {
    return reply.status(503).type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><p>页面尚未构建，请运行 <code>npm run build</code>。 Not built yet: run <code>npm run build</code>.</p>');
  }
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(file));
}
