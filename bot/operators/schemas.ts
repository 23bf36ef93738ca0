import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, CLOSE_REASONS, REASONS, ROLES } from '../../services/refunds';

// The operator API's inputs and outputs. The routes validate with these and the OpenAPI document is generated
// from them (z.toJSONSchema), so the two cannot drift apart.

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const dateParam = (what: string) =>
  z.string().regex(DATE, 'use YYYY-MM-DD').meta({ description: `${what} (a day in the platform's time zone, YYYY-MM-DD)` });

/** Query values that may be repeated or comma-separated (`state=a,b` or `state=a&state=b`). */
const listOf = <T extends z.ZodType>(item: T, description: string) => z.array(item).min(1).max(50).optional().meta({ description });

export const CaseFilterSchema = z
  .object({
    state: listOf(z.enum(CASE_STATUSES), 'case states (any of)'),
    shop: listOf(z.string().min(1).max(64), 'shop ids (any of)'),
    reason: listOf(z.enum(REASONS), 'reason codes (any of)'),
    type: listOf(z.enum(CASE_TYPES), 'case types (any of)'),
    buyer: z.string().min(1).max(64).optional().meta({ description: 'buyer id' }),
    order: z.string().min(1).max(64).optional().meta({ description: 'order id' }),
    from: dateParam('filed on or after').optional(),
    to: dateParam('filed on or before').optional(),
    overdue: z.enum(['true', 'false']).optional().meta({ description: 'only cases past (true) or not past (false) their current deadline' }),
    sort: z.enum(['newest', 'oldest']).default('newest').meta({ description: 'by filing time' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

export const CaseSearchQuerySchema = z
  .object({
    ...CaseFilterSchema.shape,
    page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: '1-based page number' }),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'cases per page (at most 200)' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type CaseSearchQuery = z.infer<typeof CaseSearchQuerySchema>;

export const CaseIdParamsSchema = z.object({
  caseId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only').meta({ description: 'case id, e.g. RD-000001' }),
});

export const MonthQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM')
    .optional()
    .meta({ description: "month of filing, YYYY-MM, platform time (default: the current month)" }),
});

export const ShopRatesQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30).meta({ description: 'window in days, ending now' }),
});

export const EmptyQuerySchema = z.object({});

// ---- responses ----------------------------------------------------------------------------------------------

export const ErrorSchema = z
  .object({
    error: z.string().meta({ description: 'machine-readable code' }),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
  });

const ActorSchema = z.object({ role: z.enum(ROLES), id: z.string(), shopId: z.string().optional() });

export const CaseSummarySchema = z.object({
  id: z.string(),
  orderId: z.string(),
  buyerId: z.string(),
  shopId: z.string(),
  type: z.enum(CASE_TYPES),
  reason: z.enum(REASONS),
  status: z.enum(CASE_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  priority: z.enum(['high', 'normal']),
  special: z.boolean(),
  fastTrack: z.enum(['before_shipment', 'logistics_delay']).nullable(),
  currency: z.string(),
  /** Cash to refund (fen). */
  cashFen: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stateEnteredAt: z.string(),
  dueAt: z.string().nullable().meta({ description: "when the current step falls due (deadline, or CS alert time)" }),
  overdue: z.boolean(),
  merchantDecision: z.object({ outcome: z.string(), at: z.string(), waitedMs: z.number() }).nullable(),
  paymentFailures: z.number().int(),
  evidenceCount: z.number().int(),
  rating: z.number().int().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseSearchResultSchema = z.object({
  items: z.array(CaseSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
});

export const AuditEntrySchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  event: z.string(),
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  version: z.number().int(),
  remark: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const EvidenceItemSchema = z.object({
  sha256: z.string(),
  kind: z.enum(['image', 'video', 'pdf']),
  mediaType: z.string(),
  size: z.number().int(),
  name: z.string().optional(),
  addedBy: z.enum(ROLES),
  addedAt: z.string(),
  url: z.string().nullable().meta({ description: 'signed, expiring link to the file' }),
});

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
  /** The stored case document as the refund service keeps it. */
  case: z.looseObject({ id: z.string(), version: z.number().int(), status: z.enum(CASE_STATUSES), description: z.string() }),
  audit: z.array(AuditEntrySchema),
  evidence: z.array(EvidenceItemSchema),
});

const BucketSchema = z.object({ count: z.number().int(), refundedFen: z.number().int() });
const DistributionSchema = z.object({
  count: z.number().int(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});
const buckets = z.record(z.string(), BucketSchema);
const share = z.number().min(0).max(1).nullable();

export const MonthFiguresSchema = z.object({
  month: z.string(),
  timeZone: z.string(),
  cases: z.number().int(),
  refundedFen: z.number().int(),
  byReason: buckets,
  byType: buckets,
  byShop: buckets,
  byOutcome: buckets,
  merchantDecision: DistributionSchema.extend({
    within24h: z.number().int(),
    within48h: z.number().int(),
    share24h: share,
    share48h: share,
  }),
  deadlineBreaches: z.object({ cases: z.number().int(), byEvent: z.record(z.string(), z.number().int()) }),
  paymentFailures: z.number().int(),
  settledWithoutPerson: z.object({ cases: z.number().int(), share }),
  filingToPaid: DistributionSchema,
  decisionTimes: z.object({
    decisions: z.number().int(),
    withinStandard: z.number().int(),
    shareWithinStandard: share,
    buckets: z.array(z.object({ fromHours: z.number(), toHours: z.number().nullable(), byMerchant: z.number().int(), auto: z.number().int() })),
  }),
  handoffs: z.object({
    cases: z.number().int(),
    share,
    byReason: z.record(z.string(), z.object({ cases: z.number().int(), handedOff: z.number().int(), share })),
    byRoute: z.object({ escalation: z.number().int(), confirmation: z.number().int(), intervention: z.number().int(), payment_failed: z.number().int() }),
    waitingConversations: z.object({ total: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
  }),
});

export const ShopRatesSchema = z.object({
  from: z.string(),
  to: z.string(),
  windowDays: z.number().int(),
  factor: z.number(),
  median: z.number().nullable(),
  shops: z.array(
    z.object({
      shopId: z.string(),
      name: z.string().nullable(),
      cases: z.number().int(),
      refundedFen: z.number().int(),
      ratioToMedian: z.number().nullable(),
      outlier: z.boolean(),
    }),
  ),
});

export const OpenCasesSchema = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byState: z.array(z.object({ state: z.enum(CASE_STATUSES), open: z.number().int(), overdue: z.number().int() })),
  overdueCases: z.array(
    z.object({ id: z.string(), shopId: z.string(), status: z.enum(CASE_STATUSES), dueAt: z.string(), overdueMs: z.number() }),
  ),
});

export const OpenApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });
