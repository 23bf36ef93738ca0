import { z } from 'zod';

// What /api/messages accepts before the adapter sees it. The adapter throws outside its own error handling on
// some malformed bodies (DESIGN.md §5), so shape problems are answered here with 400 and a clear message.

const Id = z.string().min(1).max(256);
const Account = z.object({ id: Id, name: z.string().max(256).optional(), aadObjectId: z.string().max(128).optional() }).passthrough();

export const IncomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: Id.optional(),
    serviceUrl: z.string().url().max(2048).optional(),
    channelId: z.string().min(1).max(64).optional(),
    conversation: z.object({ id: Id }).passthrough().optional(),
    from: Account.optional(),
    recipient: Account.optional(),
    text: z.string().max(20_000).optional(),
    locale: z.string().max(32).optional(),
    deliveryMode: z.string().max(32).optional(),
    attachments: z
      .array(
        z
          .object({
            contentType: z.string().max(256),
            contentUrl: z.string().max(15_000_000).optional(),
            name: z.string().max(512).optional(),
          })
          .passthrough(),
      )
      .max(20)
      .optional(),
    value: z.unknown().optional(),
    channelData: z.unknown().optional(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    if (a.type === 'message' || a.type === 'invoke') {
      if (!a.conversation) ctx.addIssue({ code: 'custom', path: ['conversation'], message: 'required for this activity type' });
      if (!a.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required for this activity type' });
      if (!a.serviceUrl) ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'required for this activity type' });
    }
  });

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}
