import type restify from 'restify';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock, OrderCatalogue, RefundCore } from '../../services/refunds';
import type { HandoffQueue } from '../../services/handoff';
import { OperatorFigures, readOnlyCases } from '../../services/analytics';
import { authenticate, parseOperatorTokens } from './auth';
import { mountDashboard } from './dashboard-files';
import { badRequest, issuesOf, send } from './http-reply';
import type { Issue } from './http-reply';
import { buildOpenApi } from './openapi';
import type { OperatorRoute, Reply } from './routes';
import { operatorRoutes } from './routes';

// The platform operators' view: the read-only REST API under /api/v1 and the dashboard page that uses it.
// Every API request is logged with method, path, status, duration and the token's id (never the token).

export interface MountOperatorsDeps {
  config: Pick<Config, 'OPERATOR_TOKENS' | 'REFUND_RATE_ALERT_FACTOR'>;
  log: Logger;
  core: Pick<RefundCore, 'service' | 'figures'>;
  orders: Pick<OrderCatalogue, 'getShop'>;
  handoff: Pick<HandoffQueue, 'waiting'>;
  clock: Clock;
  evidenceUrl?: (sha256: string) => string;
}

export interface OperatorsMount {
  routes: readonly OperatorRoute[];
  openapi: Record<string, unknown>;
}

const API_VERSION = '1.0.0';

const DISABLED: Reply = {
  status: 503,
  json: { error: 'operator_api_disabled', message: 'The operator API is disabled: set OPERATOR_TOKENS (comma-separated bearer tokens) to enable it.' },
};
const UNAUTHORIZED = (why: 'missing' | 'invalid'): Reply => ({
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="refund-desk-operators"' },
  json: {
    error: 'unauthorized',
    message: why === 'missing' ? 'Send Authorization: Bearer <token>.' : 'The bearer token is not one of the configured operator tokens.',
  },
});

export function mountOperators(server: restify.Server, deps: MountOperatorsDeps): OperatorsMount {
  const tokens = parseOperatorTokens(deps.config.OPERATOR_TOKENS);
  if (tokens.length === 0) deps.log.warn('OPERATOR_TOKENS is not set: the operator API answers 503 until it is');
  const service = deps.core.service;
  const figures = new OperatorFigures({
    cases: readOnlyCases(service),
    figures: deps.core.figures,
    handoff: deps.handoff,
    policy: service.policy,
    clock: deps.clock,
    refundRateFactor: deps.config.REFUND_RATE_ALERT_FACTOR,
  });
  let openapi: Record<string, unknown> = {};
  const routes = operatorRoutes({
    cases: readOnlyCases(service),
    figures,
    policy: service.policy,
    clock: deps.clock,
    shopName: async (id) => {
      const shop = await deps.orders.getShop(id);
      return shop ? shop.name : null;
    },
    ...(deps.evidenceUrl ? { evidenceUrl: deps.evidenceUrl } : {}),
    openapi: () => openapi,
  });
  openapi = buildOpenApi(routes, { version: API_VERSION });

  for (const route of routes) {
    server.get(route.path, async (req: restify.Request, res: restify.Response) => {
      const started = process.hrtime.bigint();
      let tokenId: string | null = null;
      let reply: Reply;
      try {
        const auth = route.auth ? authenticate(req.headers.authorization, tokens) : null;
        if (auth && !auth.ok) {
          reply = auth.error.kind === 'disabled' ? DISABLED : UNAUTHORIZED(auth.error.kind);
        } else {
          if (auth?.ok) tokenId = auth.tokenId;
          reply = await answer(route, req);
        }
      } catch (err) {
        deps.log.error({ err: String(err), path: req.path() }, 'operator api request failed');
        reply = { status: 500, json: { error: 'internal', message: 'Something went wrong on our side; the request can be repeated.' } };
      }
      send(res, reply);
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      deps.log.info({ method: req.method, path: req.path(), status: reply.status, durationMs: Math.round(durationMs * 10) / 10, tokenId }, 'operator api request');
    });
  }
  mountDashboard(server, { log: deps.log });
  return { routes, openapi };
}

async function answer(route: OperatorRoute, req: restify.Request): Promise<Reply> {
  const issues: Issue[] = [];
  const rawQuery = (req.query ?? {}) as Record<string, unknown>;
  const shape = route.query.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(rawQuery)) if (!(key in shape)) issues.push({ path: key, message: 'unknown parameter', code: 'unrecognized_keys' });
  const query = route.query.safeParse(normalizeQuery(rawQuery, shape));
  if (!query.success) issues.push(...issuesOf(query.error));
  const params = route.params ? route.params.safeParse(req.params ?? {}) : null;
  if (params && !params.success) issues.push(...issuesOf(params.error));
  if (issues.length > 0) return badRequest(issues);
  return route.handle({ query: query.data, params: params?.data ?? {} });
}

/** Lists may come repeated (`a=1&a=2`) or comma-separated (`a=1,2`); everything else must be a single value. */
export function normalizeQuery(raw: Record<string, unknown>, shape: Record<string, z.ZodType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = shape[key];
    if (!schema) continue;
    if (isList(schema)) {
      const items = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      out[key] = items.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    } else out[key] = value;
  }
  return out;
}

function isList(schema: z.ZodType): boolean {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    const def = s.def as { type: string; innerType?: z.ZodType };
    if (def.type === 'array') return true;
    if (!def.innerType) return false;
    s = def.innerType;
  }
  return false;
}
