import type { Request, Response, Server } from 'restify';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger';
import type { BotSendOutcome, DirectLineService } from './direct-line-service';
import { param, sendError, sendJson } from './http-helpers';

// The Bot Connector endpoints the bot sends to for widget conversations (the activities' serviceUrl): a reply,
// a new message (proactive ones included) and an update land in the conversation's log and go out on its
// streams. The serviceUrl carries a key only the bot is given, so nobody else can put words in the bot's mouth.

export interface ConnectorRoutesDeps {
  service: DirectLineService;
  /** The path segment after /dl-connector/ that proves the caller is the bot. */
  key: string;
  log: Logger;
}

const BASE = '/dl-connector/:key/v3/conversations';

export function mountConnectorRoutes(server: Server, deps: ConnectorRoutesDeps): void {
  const expected = Buffer.from(deps.key);

  const guarded =
    (handle: (req: Request, res: Response, conversationId: string, activity: Record<string, unknown>) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      const given = Buffer.from(param(req, 'key'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        sendError(res, 'Forbidden', 'Not a connector of this server.');
        return;
      }
      const body: unknown = req.body;
      if (req.method !== 'DELETE' && (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string')) {
        sendError(res, 'BadArgument', 'The body must be an activity.');
        return;
      }
      await handle(req, res, param(req, 'conversationId'), (body ?? {}) as Record<string, unknown>);
    };

  const answer = (res: Response, conversationId: string, outcome: BotSendOutcome): void => {
    if (outcome.ok) {
      sendJson(res, 200, { id: outcome.id });
      return;
    }
    deps.log.info({ conversationId }, 'the bot wrote to a widget conversation that is gone');
    sendError(res, 'NotFound', 'The conversation has ended or expired.');
  };

  server.post(
    `${BASE}/:conversationId/activities`,
    guarded(async (_req, res, conversationId, activity) => answer(res, conversationId, await deps.service.fromBot(conversationId, activity))),
  );
  server.post(
    `${BASE}/:conversationId/activities/:activityId`,
    guarded(async (req, res, conversationId, activity) => answer(res, conversationId, await deps.service.fromBot(conversationId, activity, param(req, 'activityId')))),
  );
  server.put(
    `${BASE}/:conversationId/activities/:activityId`,
    guarded(async (req, res, conversationId, activity) => answer(res, conversationId, await deps.service.updateFromBot(conversationId, param(req, 'activityId'), activity))),
  );
  // Web Chat cannot take an activity back; saying so is better than pretending it was removed.
  server.del(
    `${BASE}/:conversationId/activities/:activityId`,
    guarded(async (_req, res) => sendError(res, 'MethodNotAllowed', 'Activities cannot be deleted in this channel.')),
  );
}
