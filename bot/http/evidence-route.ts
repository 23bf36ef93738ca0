import type { Request, Response } from 'restify';
import { pipeline } from 'node:stream/promises';
import { isSha256Hex, verifyEvidenceSignature, type EvidenceService } from '../../services/evidence';
import type { Logger } from '../logger';

// GET /evidence/:sha256?expires=<unix seconds>&sig=<signature>: the evidence file behind a link from
// signEvidenceUrl, for merchants and CS agents who open it from a card. The link is the only credential, so:
// nothing is served without a valid, unexpired signature; every refusal of a signature looks the same (no hint
// whether the hash, the expiry or the signature was wrong); the signature is never logged.

export interface EvidenceRouteDeps {
  evidence: Pick<EvidenceService, 'open'>;
  /** The secret the links were signed with (at least 16 bytes). */
  secret: string;
  now: () => Date;
  log: Logger;
}

const MIN_SECRET_BYTES = 16;
const MAX_AGE_SECONDS = 300;

export function evidenceRoute(deps: EvidenceRouteDeps): (req: Request, res: Response) => Promise<void> {
  if (Buffer.byteLength(deps.secret ?? '') < MIN_SECRET_BYTES) throw new Error(`evidenceRoute: the secret must be at least ${MIN_SECRET_BYTES} bytes`);

  return async (req: Request, res: Response): Promise<void> => {
    const sha256 = String(req.params?.sha256 ?? '');
    if (!isSha256Hex(sha256)) {
      refuse(res, 400, 'bad_request');
      return;
    }
    const query = new URL(req.url ?? '/', 'http://evidence.invalid').searchParams;
    const expires = single(query, 'expires');
    const sig = single(query, 'sig');
    const now = deps.now();
    const check = expires === null || sig === null ? ({ ok: false, error: { kind: 'malformed' } } as const) : verifyEvidenceSignature(sha256, expires, sig, deps.secret, now);
    if (!check.ok) {
      deps.log.info({ sha256, refused: check.error.kind }, 'evidence link refused');
      refuse(res, 403, 'forbidden');
      return;
    }

    const opened = await deps.evidence.open(sha256);
    if (!opened.ok) {
      switch (opened.error.kind) {
        case 'not_found':
          refuse(res, 404, 'not_found');
          return;
        case 'invalid_sha256':
          refuse(res, 400, 'bad_request');
          return;
        default: {
          const never: never = opened.error;
          throw new Error(`unexpected evidence lookup error ${JSON.stringify(never)}`);
        }
      }
    }

    const { stream, mediaType, kind, size } = opened.value;
    // A browser may keep the file a little while, never past the link's own expiry.
    const maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, Math.floor(Number(expires) - now.getTime() / 1000)));
    res.setHeader('Content-Type', mediaType);
    res.setHeader('Content-Length', String(size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', `private, max-age=${maxAge}`);
    // Images and videos open in the browser; a PDF is downloaded, so it never runs in the bot's origin.
    res.setHeader('Content-Disposition', kind === 'pdf' ? `attachment; filename="evidence-${sha256.slice(0, 12).toLowerCase()}.pdf"` : 'inline');
    res.setHeader('Accept-Ranges', 'none');
    res.writeHead(200);
    try {
      await pipeline(stream, res);
    } catch (err) {
      // Mostly a viewer that closed the page mid-download; the stream closes the file either way.
      deps.log.info({ sha256, err: (err as Error).message }, 'evidence download interrupted');
    }
  };
}

/** A query value given exactly once, else null (a repeated parameter is as bad as a missing one). */
function single(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  return values.length === 1 ? values[0]! : null;
}

function refuse(res: Response, status: 400 | 403 | 404, error: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(status);
  res.json({ error });
}
