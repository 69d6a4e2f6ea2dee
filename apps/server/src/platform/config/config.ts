import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Every environment variable GoldDesk reads, with the line the README's config table shows. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1').describe('address to listen on'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('port to listen on'),
  DATA_DIR: z.string().min(1).default('./data').describe('folder for the embedded SQLite database'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL instead of embedded SQLite'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional()
    .describe('share live events, presence and rate limits across processes'),
  GOLDDESK_DEMO: booleanFlag.default(true).describe('0: no demo shop, first-run owner setup instead'),
  GOLDDESK_DEMO_PASSWORD: z.string().min(8, 'at least 8 characters').optional().describe('password of the demo agents'),
  GOLDDESK_SECRET: z
    .string()
    .min(32, 'at least 32 characters')
    .optional()
    .describe('token signing secret; generated and kept in the database when unset'),
  AGENT_TOKEN_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12)
    .describe('agent token lifetime'),
  BUYER_TOKEN_TTL_DAYS: z.coerce.number().positive().max(365).default(30).describe('widget token lifetime'),
  LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('failed logins for one account from one address before that address gets 429 for it'),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('failed logins from one address (any accounts; IPv6 by /64) before it gets 429 for all'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .describe('failed logins for one account from all addresses before only addresses it signed in from before may try'),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15).describe('window and lock time for failed logins'),
  WIDGET_SESSIONS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(120)
    .describe('new widget sessions one address may open per minute'),
  BUYER_MESSAGES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('messages one buyer may send per minute (HTTP and WebSocket); more get 429 too_many_messages'),
  ADDRESS_MESSAGES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('buyer messages one address may send per minute and shop (many buyers may share an address)'),
  BUYER_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(30).describe('images one buyer may upload per hour'),
  ADDRESS_UPLOADS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('buyer images one address may upload per hour and shop'),
  BUYER_UPLOAD_QUOTA_MB: z.coerce.number().positive().default(50).describe('total size of the images one buyer may store'),
  BUYER_STREAM_FRAMES_PER_10S: z.coerce
    .number()
    .int()
    .min(5)
    .default(50)
    .describe('frames of any kind a buyer socket may send per 10 s; past it the socket is closed with code 4429'),
  PUBLIC_READS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('public catalogue requests (shop, product list) one address may make per minute and shop'),
  WEBHOOK_ALLOW_PRIVATE_NETWORK: booleanFlag
    .default(false)
    .describe(
      '1: webhooks may deliver to loopback and private-network addresses (self-hosters delivering inside their own network); link-local and metadata addresses stay refused',
    ),
  TRUST_PROXY: booleanFlag.default(false).describe('1 behind a load balancer: take the client address from X-Forwarded-For'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GOLDDESK_ROLES: z
    .string()
    .regex(/^\s*(web|worker)\s*(,\s*(web|worker)\s*)*$/, 'a comma list of web, worker')
    .default('web,worker')
    .describe(
      'what this process runs: web serves HTTP and WebSocket, worker runs background jobs, schedules and the event relay; both by default',
    ),
  JOBS_TICK_SECONDS: z.coerce
    .number()
    .min(0)
    .max(3600)
    .default(15)
    .describe(
      'how often this process looks for due background work (催付, 群发, scans) and runs its job worker (webhook deliveries, delayed replies); 0: neither runs here',
    ),
  SHUTDOWN_GRACE_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(8000)
    .describe('how long SIGTERM waits for requests in flight'),
});

export type Config = ReturnType<typeof parseConfig>;

/** Reads and checks the environment; throws ConfigError with one line per bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env) {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    // The variable and the rule, never the value: it may be a secret or a URL with a password in it.
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
    throw new ConfigError(lines);
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    demo: c.GOLDDESK_DEMO,
    demoPassword: c.GOLDDESK_DEMO_PASSWORD,
    secret: c.GOLDDESK_SECRET,
    agentTokenTtlSeconds: Math.round(c.AGENT_TOKEN_TTL_HOURS * 3600),
    buyerTokenTtlSeconds: Math.round(c.BUYER_TOKEN_TTL_DAYS * 86400),
    loginMaxFailures: c.LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAddress: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginMaxFailuresPerAccount: c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginLockSeconds: Math.round(c.LOGIN_LOCK_MINUTES * 60),
    widgetSessionsPerMinute: c.WIDGET_SESSIONS_PER_MINUTE,
    buyerMessagesPerMinute: c.BUYER_MESSAGES_PER_MINUTE,
    addressMessagesPerMinute: c.ADDRESS_MESSAGES_PER_MINUTE,
    buyerUploadsPerHour: c.BUYER_UPLOADS_PER_HOUR,
    addressUploadsPerHour: c.ADDRESS_UPLOADS_PER_HOUR,
    buyerUploadQuotaBytes: Math.round(c.BUYER_UPLOAD_QUOTA_MB * 1024 * 1024),
    buyerStreamFramesPer10s: c.BUYER_STREAM_FRAMES_PER_10S,
    publicReadsPerMinute: c.PUBLIC_READS_PER_MINUTE,
    trustProxy: c.TRUST_PROXY,
    webhookAllowPrivateNetwork: c.WEBHOOK_ALLOW_PRIVATE_NETWORK,
    logLevel: c.LOG_LEVEL,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    jobsTickMs: Math.round(c.JOBS_TICK_SECONDS * 1000),
    roles: rolesOf(c.GOLDDESK_ROLES),
  };
}

/** Which roles this process runs (GOLDDESK_ROLES). */
export interface ProcessRoles {
  /** HTTP API, WebSocket stream, workbench and widget files. */
  web: boolean;
  /** Job worker, schedules, the outbox relay (webhooks, automation). */
  worker: boolean;
}

function rolesOf(value: string): ProcessRoles {
  const roles = new Set(value.split(',').map((role) => role.trim()));
  return { web: roles.has('web'), worker: roles.has('worker') };
}

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
