import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { HttpServer } from './http-server.type.js';

/**
 * Below this, an answer goes out as it is: a sent message's acknowledgement or a small JSON object fits in one
 * packet either way, and the chat's hot path should not pay for zlib.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses larger answers (contact lists, message pages, the customer pane) by the request's Accept-Encoding.
 * Built files are compressed once at build time and sent as they are (static-files.ts): a response that already
 * has a Content-Encoding is left alone. Request bodies are never inflated (no zip bombs through the JSON parser);
 * WebSocket frames do not pass through here. Agent and buyer tokens travel in headers, never in a cookie a third
 * site could replay, so compressed bodies give BREACH-style guessing nothing to work with.
 */
export async function registerCompression(app: HttpServer) {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    // Quality 4: about gzip's speed with smaller output; the slow best levels are for build time only.
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
