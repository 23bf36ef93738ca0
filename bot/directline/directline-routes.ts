import type { Request, Response, Server } from 'restify';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../logger';
import type { UploadedAttachment } from './activities';
import { safeThumbnail } from './activities';
import type { ProofResult } from './buyer-proof';
import { parseWatermark } from './conversation-log';
import type { ConversationRecord } from './conversation-log';
import type { Access, DirectLineService, PostOutcome } from './direct-line-service';
import { browserBase, param, queryOf, sendError, sendJson } from './http-helpers';
import type { MultipartLimits, PartSink } from './multipart';
import { boundaryOf, readMultipart } from './multipart';
import { bearerToken } from './tokens';
import type { UploadStore, UploadWriter } from './upload-store';

// Direct Line 3.0 over HTTP, as botframework-directlinejs (inside Web Chat) calls it: tokens, conversations,
// activities (post, and the polling read), uploads, and the files uploaded. The WebSocket stream is in stream.ts.

export const DL = '/v3/directline';
export const UPLOAD_PATH = /^\/v3\/directline\/conversations\/[^/]+\/upload$/;

export interface DirectLineRoutesDeps {
  service: DirectLineService;
  uploads: UploadStore;
  log: Logger;
  publicBaseUrl?: string;
  /** Proves the buyer for tokens/generate: a platform token in the Authorization header, or (development) a user id. */
  prove: (input: { buyerToken?: unknown; buyerId?: unknown }) => ProofResult;
  uploadLimits: MultipartLimits;
}

type Handler = (req: Request, res: Response) => Promise<void>;

export function mountDirectLineRoutes(server: Server, deps: DirectLineRoutesDeps): void {
  const { service } = deps;

  /** Runs `handle` once the token is checked against the conversation in the URL (if any). */
  const authorized =
    (fromPath: boolean, handle: (req: Request, res: Response, access: Extract<Access, { ok: true }>) => Promise<void>): Handler =>
    async (req, res) => {
      const access = await service.authorize(bearerToken(req.headers.authorization), fromPath ? param(req, 'conversationId') : null);
      if (!access.ok) {
        const code = access.error.kind === 'unauthorized' ? 'Unauthorized' : access.error.kind === 'not_found' ? 'NotFound' : 'Forbidden';
        sendError(res, code, access.error.message);
        return;
      }
      await handle(req, res, access);
    };

  const conversation = (req: Request, record: ConversationRecord, watermark: string | null) => {
    const token = service.issue(record);
    const stream = service.issue(record, 'stream');
    const wsBase = browserBase(req, deps.publicBaseUrl).replace(/^http/, 'ws');
    const query = new URLSearchParams({ ...(watermark !== null ? { watermark } : {}), t: stream.token });
    return {
      conversationId: token.conversationId,
      token: token.token,
      expires_in: token.expiresIn,
      streamUrl: `${wsBase}${DL}/conversations/${encodeURIComponent(token.conversationId)}/stream?${query}`,
    };
  };

  server.post(`${DL}/tokens/generate`, async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { user?: { id?: unknown } };
    const proof = deps.prove({ buyerToken: bearerToken(req.headers.authorization) ?? undefined, buyerId: body.user?.id });
    if (!proof.ok) {
      sendError(res, proof.error.kind === 'bad_buyer_id' ? 'BadArgument' : proof.error.kind === 'missing' ? 'Unauthorized' : 'Forbidden', proof.error.message);
      return;
    }
    const issued = await service.openConversation(proof.value);
    sendJson(res, 200, { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expiresIn });
  });

  server.post(
    `${DL}/tokens/refresh`,
    authorized(false, async (_req, res, access) => {
      const issued = service.issue(access.record);
      sendJson(res, 200, { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DL}/conversations`,
    authorized(false, async (req, res, access) => {
      const locale = (req.body as { locale?: unknown } | undefined)?.locale;
      const { started } = await service.start(access.record, typeof locale === 'string' ? locale : undefined);
      sendJson(res, started ? 201 : 200, conversation(req, access.record, null));
    }),
  );

  server.get(
    `${DL}/conversations/:conversationId`,
    authorized(true, async (req, res, access) => {
      // Reconnecting: a fresh token, and a stream that resumes after the client's watermark.
      const watermark = queryOf(req).get('watermark');
      sendJson(res, 200, conversation(req, access.record, watermark ? String(parseWatermark(watermark)) : null));
    }),
  );

  server.get(
    `${DL}/conversations/:conversationId/activities`,
    authorized(true, async (req, res, access) => {
      const page = await service.read(access.record, parseWatermark(queryOf(req).get('watermark')));
      sendJson(res, 200, { activities: page.activities, watermark: String(page.watermark) });
    }),
  );

  server.post(
    `${DL}/conversations/:conversationId/activities`,
    authorized(true, async (req, res, access) => {
      answerPost(res, await service.post(access.record, req.body));
    }),
  );

  server.post(
    `${DL}/conversations/:conversationId/upload`,
    authorized(true, async (req, res, access) => {
      const boundary = boundaryOf(req.headers['content-type']);
      if (!boundary) {
        sendError(res, 'BadArgument', 'Send the files as multipart/form-data.');
        return;
      }
      const received = await receiveUpload(req, boundary, deps);
      if (!received.ok) {
        req.resume();
        sendError(res, received.status === 413 ? 'TooLarge' : 'BadArgument', received.message);
        return;
      }
      answerPost(res, await service.post(access.record, received.activity, received.attachments));
    }),
  );

  server.get('/dl-attachments/:id', async (req: Request, res: Response) => {
    const found = await deps.uploads.open(param(req, 'id'));
    if (!found) {
      sendError(res, 'NotFound', 'No such file.');
      return;
    }
    const name = found.meta.name ?? 'file';
    res.setHeader('Content-Type', found.servedType);
    res.setHeader('Content-Length', String(found.meta.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('Content-Disposition', `${found.inline ? 'inline' : 'attachment'}; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.writeHead(200);
    try {
      await pipeline(found.stream, res);
    } catch (err) {
      deps.log.info({ err: (err as Error).message }, 'upload download interrupted');
    }
  });
}

function answerPost(res: Response, outcome: PostOutcome): void {
  if (outcome.ok) {
    sendJson(res, 200, { id: outcome.id });
    return;
  }
  switch (outcome.error.kind) {
    case 'bad_activity':
      sendError(res, 'BadArgument', outcome.error.message);
      return;
    case 'busy':
      sendError(res, 'Busy', 'The conversation is busy with an earlier message; retry shortly.');
      return;
    case 'bot_failed':
      sendError(res, 'BotError', 'The bot could not take the message; nothing was sent. Please retry.');
      return;
    default: {
      const never: never = outcome.error;
      throw new Error(`unexpected post outcome ${JSON.stringify(never)}`);
    }
  }
}

type Received = { ok: true; activity: Record<string, unknown>; attachments: UploadedAttachment[] } | { ok: false; status: 400 | 413; message: string };

const MAX_ACTIVITY_PART = 64 * 1024;

/** Reads the multipart body: file parts to disk, the optional "activity" part (the message they go with) to memory. */
async function receiveUpload(req: Request, boundary: string, deps: DirectLineRoutesDeps): Promise<Received> {
  const files: { writer: UploadWriter; contentType: string; filename?: string }[] = [];
  const activityChunks: Buffer[] = [];
  let activitySize = 0;
  let activityParts = 0;
  const discard: PartSink = { write: () => undefined, end: () => undefined };
  let result;
  try {
    // Not destroyed when reading stops early: the rest is drained so the refusal still reaches the client.
    result = await readMultipart(
      req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>,
      boundary,
      async (part) => {
        if (part.name === 'activity') {
          activityParts += 1;
          return {
            write: (chunk) => {
              activitySize += chunk.length;
              if (activitySize <= MAX_ACTIVITY_PART) activityChunks.push(chunk);
            },
            end: () => undefined,
          };
        }
        if (part.filename === undefined && part.name !== 'file') return discard;
        const writer = await deps.uploads.begin({ contentType: part.contentType, ...(part.filename ? { name: part.filename } : {}) });
        files.push({ writer, contentType: part.contentType, ...(part.filename !== undefined ? { filename: part.filename } : {}) });
        return { write: (chunk) => writer.write(chunk), end: () => undefined };
      },
      deps.uploadLimits,
    );
  } catch (err) {
    await Promise.all(files.map((f) => f.writer.abort()));
    throw err;
  }
  if (!result.ok) {
    await Promise.all(files.map((f) => f.writer.abort()));
    switch (result.error.kind) {
      case 'too_large':
        return { ok: false, status: 413, message: `The upload is larger than ${mb(result.error.limitBytes)}.` };
      case 'part_too_large':
        return { ok: false, status: 413, message: `${result.error.filename ?? 'A file'} is larger than ${mb(result.error.limitBytes)}.` };
      case 'too_many_parts':
        return { ok: false, status: 400, message: `Send at most ${result.error.limit - 1} files at once.` };
      case 'malformed':
        return { ok: false, status: 400, message: `The upload could not be read (${result.error.reason}).` };
      default: {
        const never: never = result.error;
        throw new Error(`unexpected multipart error ${JSON.stringify(never)}`);
      }
    }
  }
  if (activityParts > 1 || activitySize > MAX_ACTIVITY_PART) {
    await Promise.all(files.map((f) => f.writer.abort()));
    return { ok: false, status: 400, message: 'One activity part of at most 64 KB may go with the files.' };
  }
  if (files.length === 0) return { ok: false, status: 400, message: 'No files in the upload.' };

  let activity: Record<string, unknown> = { type: 'message' };
  if (activityChunks.length) {
    try {
      const parsed = JSON.parse(Buffer.concat(activityChunks).toString('utf8')) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      activity = parsed as Record<string, unknown>;
    } catch {
      await Promise.all(files.map((f) => f.writer.abort()));
      return { ok: false, status: 400, message: 'The activity part is not a JSON activity.' };
    }
  }
  const listed = Array.isArray(activity.attachments) ? (activity.attachments as Record<string, unknown>[]) : [];
  const attachments: UploadedAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const meta = await file.writer.commit();
    const template = listed[i] && typeof listed[i] === 'object' ? listed[i]! : {};
    const name = file.filename || (typeof template.name === 'string' ? template.name : undefined);
    const thumbnailUrl = safeThumbnail(template.thumbnailUrl);
    attachments.push({
      contentType: file.contentType !== 'application/octet-stream' || typeof template.contentType !== 'string' ? file.contentType : String(template.contentType).slice(0, 256),
      contentUrl: deps.service.attachmentUrl(meta.id),
      ...(name ? { name: name.slice(0, 255) } : {}),
      ...(thumbnailUrl ? { thumbnailUrl } : {}),
    });
  }
  const { attachments: _listed, ...rest } = activity;
  return { ok: true, activity: { type: 'message', ...rest }, attachments };
}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

const asciiName = (name: string): string => name.replace(/[^\x20-\x7e]|["\\]/g, '_');
