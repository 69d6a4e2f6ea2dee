import { findControlText } from '../text/control-text.js';
import { AppError } from './errors.js';
import type { HttpServer } from './http-server.type.js';

/**
 * Refuses, for every route, a request whose query, path parameters or parsed body hold a control character
 * (NUL and the like): 400 `invalid_text` naming the field, before validation and before any handler stores it.
 * Raw file bodies (Buffers) are left to their readers, which strip such characters from cells.
 */
export function registerTextHygiene(app: HttpServer) {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ];
    for (const [part, value] of parts) {
      const field = findControlText(value, part);
      if (field) throw new AppError('invalid_text', { field: field.slice(0, 120) });
    }
  });
}
