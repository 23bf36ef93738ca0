import { z } from 'zod';
import { CASE_TYPES, INSPECTION_PROBLEMS, MERCHANT_REJECT_CODES, REASONS } from './case';

// Commands people send to a case, validated at the service's door (they arrive from cards and chat).

const Remark = z.string().trim().max(2000);
const RequiredRemark = z.string().trim().min(1).max(2000);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const EvidenceRefSchema = z.object({
  sha256: Sha256,
  kind: z.enum(['image', 'video', 'pdf']),
  mediaType: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  name: z.string().max(255).optional(),
  addedBy: z.enum(['buyer', 'merchant', 'cs', 'system']),
  addedAt: z.string(),
});

export const ReturnAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(1).max(40),
  address: z.string().trim().min(1).max(500),
});

const Tracking = { carrier: z.string().trim().min(1).max(20), trackingNumber: z.string().trim().min(4).max(40) };

export const CommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merchant_approve'), remark: Remark.optional(), returnAddress: ReturnAddressSchema.optional() }),
  z.object({ kind: z.literal('merchant_approve_without_return'), remark: Remark.optional() }),
  z.object({ kind: z.literal('merchant_reject'), code: z.enum(MERCHANT_REJECT_CODES), remark: RequiredRemark }),
  z.object({ kind: z.literal('request_evidence'), from: z.enum(['buyer', 'merchant']).default('buyer'), message: RequiredRemark }),
  z.object({ kind: z.literal('add_evidence'), evidence: z.array(EvidenceRefSchema).min(1).max(9), remark: Remark.optional() }),
  z.object({ kind: z.literal('cs_approve'), remark: Remark.optional() }),
  z.object({ kind: z.literal('cs_reject'), remark: RequiredRemark }),
  z.object({ kind: z.literal('cs_intervene'), remark: RequiredRemark }),
  z.object({
    kind: z.literal('buyer_resubmit'),
    description: z.string().trim().min(1).max(2000).optional(),
    evidence: z.array(EvidenceRefSchema).max(9).optional(),
  }),
  z.object({ kind: z.literal('buyer_escalate'), remark: Remark.optional() }),
  z.object({ kind: z.literal('buyer_accept_rejection') }),
  z.object({ kind: z.literal('buyer_cancel'), remark: Remark.optional() }),
  z.object({ kind: z.literal('return_shipped'), ...Tracking }),
  z.object({ kind: z.literal('inspection_ok'), remark: Remark.optional() }),
  z.object({
    kind: z.literal('inspection_short'),
    received: z.array(z.object({ lineIndex: z.number().int().nonnegative(), quantity: z.number().int().nonnegative() })).min(1),
    remark: RequiredRemark,
    evidence: z.array(EvidenceRefSchema).max(9).optional(),
  }),
  z.object({
    kind: z.literal('inspection_failed'),
    problem: z.enum(INSPECTION_PROBLEMS),
    remark: RequiredRemark,
    // Photos are asked for but not required: a Teams card cannot carry an upload, the merchant may add them later.
    evidence: z.array(EvidenceRefSchema).max(9).optional(),
  }),
  z.object({ kind: z.literal('replacement_shipped'), ...Tracking }),
  z.object({ kind: z.literal('cs_retry_payment'), remark: Remark.optional() }),
  z.object({ kind: z.literal('cs_settle_offline'), voucher: Sha256, remark: RequiredRemark }),
  z.object({ kind: z.literal('rate'), stars: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandKind = Command['kind'];

export const FilingRequestSchema = z.object({
  orderId: z.string().trim().min(1).max(64),
  lines: z
    .array(z.object({ lineIndex: z.number().int().nonnegative(), quantity: z.number().int().positive() }))
    .min(1)
    .max(50),
  type: z.enum(CASE_TYPES),
  reason: z.enum(REASONS),
  description: z.string().trim().max(2000).default(''),
  evidence: z.array(EvidenceRefSchema).max(9).default([]),
});
