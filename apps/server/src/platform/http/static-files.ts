import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { HttpServer } from './http-server.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const WORKBENCH_DIST = path.join(repositoryRoot, 'apps/workbench/dist');
export const WIDGET_DIST = path.join(repositoryRoot, 'apps/widget/dist');

/** A year: the longest lifetime caches honour; a changed file gets a new name anyway. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Stored but checked (by ETag) on every use: pages and the widget's stable entry shops embed by URL. */
const REVALIDATE = 'no-cache';
/** Vite's output names: `assets/<name>-<8-character content hash>.<ext>` (the hash may contain - and _). */
const HASHED = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+$/;
/** What the build writes next to each text file (scripts/vite/precompress.ts). */
const COMPRESSED = /\.(br|gz)$/;
/** Paths served by others than the workbench (the API, the widget, the demo shop), with or without more after them. */
const NOT_THE_WORKBENCH = /^\/(api|widget|demo-shop)(\/|$)/;

/**
 * Cache-Control by file: content-hashed assets never change under their name, everything else revalidates.
 * `file` is the one sent, which may be a .br or .gz sibling.
 */
export function cacheControlFor(file: string): string {
  return HASHED.test(file.replace(COMPRESSED, '')) ? IMMUTABLE : REVALIDATE;
}

/** Both roots send the build's brotli/gzip files by Accept-Encoding (with Vary), and cache by file. */
const SHARED_OPTIONS = {
  preCompressed: true,
  // The siblings are served in place of their file, never under their own name.
  globIgnore: ['**/*.br', '**/*.gz'],
  setHeaders: (reply: FastifyReply, file: string) => reply.header('cache-control', cacheControlFor(file)),
};

/** The built workbench at `/` (with client-side routes), the widget at `/widget/`, the demo shop at `/demo-shop`. */
export async function registerStaticFiles(app: HttpServer) {
  await app.register(fastifyStatic, {
    ...SHARED_OPTIONS,
    root: WIDGET_DIST,
    prefix: '/widget/',
    decorateReply: false,
    index: false,
    wildcard: true,
    // A request for a .br/.gz name itself is not a file of the widget.
    allowedPath: (pathname: string) => !COMPRESSED.test(pathname),
  });
  app.get('/demo-shop', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    sendHtml(reply, WIDGET_DIST, 'demo-shop.html'),
  );

  await app.register(fastifyStatic, {
    ...SHARED_OPTIONS,
    root: WORKBENCH_DIST,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
  });
  // The workbench's own addresses (/conversations/:id, /cases/:id, /team/roles …) fall back to its index.html; files
  // built after the server started have no route of their own and are found here. The API's, the widget's and the
  // demo shop's paths never do: a wrong one there is a 404, not the workbench.
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    const file = path.join(WORKBENCH_DIST, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(WORKBENCH_DIST) && !COMPRESSED.test(file) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(WORKBENCH_DIST, file));
    }
    if (NOT_THE_WORKBENCH.test(url) || path.extname(url)) return reply.callNotFound();
    return sendHtml(reply, WORKBENCH_DIST, 'index.html');
  });
}

function sendHtml(reply: FastifyReply, root: string, file: string) {
  if (!fs.existsSync(path.join(root, file))) {
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        '<!doctype html><meta charset="utf-8"><p>页面尚未构建，请运行 <code>npm run build</code>。 Not built yet: run <code>npm run build</code>.</p>',
      );
  }
  return reply.sendFile(file, root);
}
