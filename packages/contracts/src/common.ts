import { z } from 'zod';

/** Opaque identifier issued by the server. */
export const Id = z.string().min(1).max(64);

/** ISO 8601 timestamp in UTC, e.g. 2026-11-23T10:00:00.000Z. */
export const IsoDateTime = z.string();

/** The contract's error envelope: every non-2xx response carries it. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string().describe('snake_case machine code, e.g. invalid_input'),
    message: z.string().describe("human text in the request's language (zh-CN default, en)"),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export const HealthResponse = z.object({ status: z.literal('ok') });

/** Money is carried as integer fen (分) to avoid float rounding. */
export const Fen = z.number().int();
