import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_WRITE_RATE_LIMIT, type RateLimitConfig } from './rate-limit'

const REPO_ROOT = path.resolve(__dirname, '../..')

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  // PostgreSQL instead of the SQLite file in DATA_DIR: postgres://user:password@host:5432/db[?schema=name]
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  STATIC_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'dist', 'h5')),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 7),
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).default(10),
  // Write requests per identity: a burst of RATE_LIMIT_WRITES refilled over RATE_LIMIT_WINDOW_SECONDS; 0 turns it off.
  RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(DEFAULT_WRITE_RATE_LIMIT.burst),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().positive().max(3600).default(DEFAULT_WRITE_RATE_LIMIT.windowSeconds),
})

export interface GatewayConfig {
  port: number
  host: string
  dataDir: string
  databaseFile: string
  /** PostgreSQL's URL, or null for the SQLite file. */
  databaseUrl: string | null
  staticDir: string
  demoMode: boolean
  tokenSecret: string | undefined
  tokenTtlSeconds: number
  /** How often the gateway delivers day-before reminders; 0 turns it off. */
  reminderIntervalMinutes: number
  /** Null when write rate limiting is off. */
  writeRateLimit: RateLimitConfig | null
}

/** Reads and checks the gateway's configuration from the environment; throws naming the bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'wenming.db'),
    databaseUrl: e.DATABASE_URL || null,
    staticDir: path.resolve(e.STATIC_DIR),
    // Demo logins are on by default and always off in production unless explicitly asked for.
    demoMode: e.DEMO_MODE ? e.DEMO_MODE === 'true' : e.NODE_ENV !== 'production',
    tokenSecret: e.TOKEN_SECRET,
    tokenTtlSeconds: Math.round(e.TOKEN_TTL_HOURS * 3600),
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
    writeRateLimit:
      e.RATE_LIMIT_WRITES === 0 ? null : { burst: e.RATE_LIMIT_WRITES, windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS },
  }
}
