import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCompression } from './compression.js';
import { AppError, errorMessage, languageOf, statusOf, type ErrorCode, type Language } from './errors.js';
import type { HttpServer } from './http-server.type.js';
import { registerTextHygiene } from './text-hygiene.js';

/** JSON bodies: a 5,000-character message is far below this; anything larger is refused with 413. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export type { HttpServer };

/** Fastify with zod validation, OpenAPI generation, compressed answers and the contract's error envelope. */
export async function createHttpServer(options: { logLevel: string; trustProxy: boolean }): Promise<HttpServer> {
  const app = Fastify({
    logger: options.logLevel === 'silent' ? false : { level: options.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    // Per-request lines only when debugging: at chat rates they would drown everything else.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Only behind a proxy that sets it: otherwise a client could claim any address in X-Forwarded-For.
    trustProxy: options.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toErrorResponse(new AppError('route_not_found'), request);
    return reply.status(status).send(body);
  });
  registerTextHygiene(app);
  await registerCompression(app); // before any route: it attaches itself to each route as it is added

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'GoldDesk API',
        description: '金牌客服工作台 — HTTP API. Errors: {"error":{"code","message"}}; WebSocket: GET /api/v1/stream?token=…',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  return app;
}

/** Maps anything thrown to a status and the envelope, in the request's language, never a stack trace. */
export function toErrorResponse(error: unknown, request: FastifyRequest) {
  const language = languageOf(request.headers['accept-language']);
  const appError = toAppError(error, request, language);
  return {
    status: appError.status,
    body: { error: { code: appError.code, message: errorMessage(appError, language) } },
  };
}

function toAppError(error: unknown, request: FastifyRequest, language: Language): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const issue = (first?.params as { issue?: z.core.$ZodIssue } | undefined)?.issue;
    const part = (error as { validationContext?: string }).validationContext;
    const source =
      part === 'body' ? request.body : part === 'querystring' ? request.query : part === 'params' ? request.params : undefined;
    const field = issue?.path.map(String).join('.') || first?.instancePath?.replace(/^\//, '').replaceAll('/', '.');
    const text = issue ? localiseIssue(issue, language, source) : (first?.message ?? '');
    return new AppError('invalid_input', { detail: `${field ? `${field}: ` : ''}${text}` });
  }
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_input',
  };
  const mapped = fastifyError.code ? byFastifyCode[fastifyError.code] : undefined;
  // The route's own limit (5 MB for an image, 20 MB for an import file), not the JSON default.
  if (mapped === 'payload_too_large')
    return new AppError(mapped, { limit: megabytes(request.routeOptions.bodyLimit ?? JSON_BODY_LIMIT) });
  if (mapped === 'invalid_input') return new AppError(mapped, { detail: fastifyError.message ?? '' });
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError) return new AppError('invalid_json');
  const status = fastifyError.statusCode;
  if (status === 429) return new AppError('rate_limited');
  if (status === 503) return new AppError('shutting_down');
  if (status && status >= 400 && status < 500) {
    return new AppError(status === 404 ? 'route_not_found' : 'invalid_input', { detail: fastifyError.message ?? '' });
  }
  return new AppError('internal');
}

/** A byte limit as people read it: 5242880 → "5 MB". */
function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** zod reports in English; the envelope speaks the request's language, so the issue is re-worded. */
function localiseIssue(issue: z.core.$ZodIssue, language: Language, source: unknown): string {
  // The locale names the type it received, which the validator does not keep: read it back from the request.
  const input = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], source);
  const locale = language === 'en' ? z.locales.en() : z.locales.zhCN();
  const localised = locale.localeError({ ...issue, input } as never);
  const message = typeof localised === 'string' ? localised : localised?.message;
  return message ?? issue.message;
}

export { statusOf };
