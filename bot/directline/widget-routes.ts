import type { Request, Response, Server } from 'restify';
import type { EvidenceLimits } from '../../services/evidence';
import type { Logger } from '../logger';
import type { AzureDirectLineOptions } from './azure-direct-line';
import { generateAzureToken } from './azure-direct-line';
import type { ProofResult } from './buyer-proof';
import type { DirectLineService } from './direct-line-service';
import { DL } from './directline-routes';
import { browserBase, sendError, sendJson } from './http-helpers';

// What the widget page asks before it opens Web Chat: its settings (GET /api/widget/config) and a Direct Line
// token for the buyer (POST /api/widget/token), from this server's endpoint or, with DIRECT_LINE_SECRET, Azure's.

export interface DevBuyer {
  id: string;
  name: string;
  language: string;
}

export interface WidgetRoutesDeps {
  service: DirectLineService;
  prove: (input: { buyerToken?: unknown; buyerId?: unknown }) => ProofResult;
  signed: boolean;
  azure: AzureDirectLineOptions | null;
  evidenceLimits: EvidenceLimits;
  /** Buyers offered by the development page's switcher (unsigned mode only). */
  devBuyers: DevBuyer[];
  publicBaseUrl?: string;
  log: Logger;
}

/** Azure Direct Line refuses uploads over 4 MB: the page shrinks photos below it in that mode. */
export const AZURE_UPLOAD_LIMIT = 4 * 1024 * 1024;

export function mountWidgetRoutes(server: Server, deps: WidgetRoutesDeps): void {
  server.get('/api/widget/config', async (_req: Request, res: Response) => {
    const l = deps.evidenceLimits;
    sendJson(res, 200, {
      mode: deps.azure ? 'azure' : 'local',
      signed: deps.signed,
      buyers: deps.signed ? [] : deps.devBuyers.map((b) => ({ id: b.id, name: b.name, language: b.language })),
      limits: {
        imageBytes: l.imageBytes,
        videoBytes: l.videoBytes,
        pdfBytes: l.pdfBytes,
        filesPerCase: l.filesPerCase,
        ...(deps.azure ? { uploadBytes: AZURE_UPLOAD_LIMIT } : {}),
      },
    });
  });

  server.post('/api/widget/token', async (req: Request, res: Response) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const proof = deps.prove({ buyerToken: body.buyerToken, buyerId: body.buyerId });
    if (!proof.ok) {
      sendError(res, proof.error.kind === 'bad_buyer_id' ? 'BadArgument' : proof.error.kind === 'missing' ? 'Unauthorized' : 'Forbidden', proof.error.message);
      return;
    }
    const buyerId = proof.value.buyerId;
    if (deps.azure) {
      const azure = await generateAzureToken(deps.azure, buyerId);
      if (!azure.ok) {
        deps.log.warn({ status: azure.error.status, err: azure.error.message }, 'Azure Direct Line token request failed');
        sendError(res, 'Unavailable', 'The chat service is unavailable; please retry shortly.');
        return;
      }
      sendJson(res, 200, { mode: 'azure', domain: deps.azure.domain, buyerId, resumed: false, ...azure.value });
      return;
    }
    const issued = await deps.service.openConversation(proof.value, {
      ...(typeof body.conversationId === 'string' ? { conversationId: body.conversationId } : {}),
      ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
    });
    sendJson(res, 200, {
      mode: 'local',
      domain: `${browserBase(req, deps.publicBaseUrl)}${DL}`,
      buyerId,
      conversationId: issued.conversationId,
      token: issued.token,
      expiresIn: issued.expiresIn,
      resumed: issued.resumed,
    });
  });
}
