import { z } from 'zod';

// Every setting of the server, read from the environment once by the composition root. Invalid or missing values
// are all reported together at start-up.

const int = (min = 0) => z.coerce.number().int().min(min);
const rate = z.coerce.number().min(0).max(1);

export const ConfigSchema = z.object({
  PORT: int(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_BASE_URL: z.url().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z.string().min(1).default('rd:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TIME_ZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'not a known IANA time zone'),
  ORDER_API_URL: z.url().optional(),
  ORDER_API_TOKEN: z.string().optional(),
  AUTO_CONFIRM_MAX_FEN: int().default(200_000),
  MERCHANT_HOURS: int(1).default(24),
  MERCHANT_SPECIAL_HOURS: int(1).default(48),
  SWEEP_INTERVAL_MS: int(100).default(5_000),
  RETURN_POLL_INTERVAL_MS: int(100).default(30_000),
  RETURN_TRANSIT_MS: int(0).default(120_000),
  PAYMENT_FAILURE_RATE: rate.default(0),
  PAYMENT_DECLINE_RATE: rate.default(0),
  PAYMENT_LATENCY_MS: int().default(200),
  PAYMENT_CONFIRM_AFTER_MS: int().default(3_000),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  BUYER_TOKEN_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  EVIDENCE_DIR: z.string().min(1).default('data/evidence'),
  EVIDENCE_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean)),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  TURN_LOCK_WAIT_MS: int(0).default(15_000),
  // How long the turn lock of a crashed instance keeps its conversation waiting.
  TURN_LOCK_TTL_MS: int(100).default(30_000),
  CS_CHANNEL_ID: z.string().min(1).optional(),
  CS_AGENT_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean)),
  CS_BUSINESS_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'use HH:MM-HH:MM, e.g. 09:00-21:00')
    .default('09:00-21:00'),
  CS_MAX_WAIT_MINUTES: int(1).default(10),
  HANDOFF_MODE: z.enum(['teams', 'protocol']).default('teams'),
  CS_AVG_HANDLING_MINUTES: int(1).default(5),
  HANDOFF_CHECK_INTERVAL_MS: int(100).default(30_000),
  EVIDENCE_URL_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  EVIDENCE_URL_TTL_MINUTES: int(1).default(24 * 60),
  // Operators' REST API and dashboard: `name:token` or bare tokens, comma-separated; unset disables the API.
  OPERATOR_TOKENS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .refine((list) => list.every((t) => t.slice(t.indexOf(':') + 1).length >= 16), 'each token needs at least 16 characters'),
  REFUND_RATE_ALERT_FACTOR: z.coerce.number().gt(1).default(3),
  PAYMENT_FAILURE_ALERT_COUNT: int(1).default(5),
  DIGEST_HOUR: int(0).max(23).default(9),
  PROCESS_ALERT_INTERVAL_MS: int(100).default(300_000),
  // The buyer's chat widget (bot/directline): its Direct Line tokens, uploads and history; Azure Direct Line instead.
  WIDGET_TOKEN_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  WIDGET_UPLOAD_DIR: z.string().min(1).default('data/widget-uploads'),
  WIDGET_HISTORY_DAYS: int(1).default(30),
  DIRECT_LINE_SECRET: z.string().min(1).optional(),
  DIRECT_LINE_DOMAIN: z.url().default('https://directline.botframework.com/v3/directline'),
})
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppType is SingleTenant' });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required with MicrosoftAppId' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; blank values count as unset. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`) };
}
