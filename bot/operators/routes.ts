import type { z } from 'zod';
import type { Clock, PolicyConfig } from '../../services/refunds';
import type { CaseReader, OperatorFigures } from '../../services/analytics';
import { localParts } from '../../services/analytics';
import { caseColumns, caseSummary, searchCases, storeQuery } from './case-view';
import { toCsv } from './csv';
import {
  CaseDetailSchema,
  CaseFilterSchema,
  CaseIdParamsSchema,
  CaseSearchQuerySchema,
  CaseSearchResultSchema,
  EmptyQuerySchema,
  MonthFiguresSchema,
  MonthQuerySchema,
  OpenApiDocumentSchema,
  OpenCasesSchema,
  ShopRatesQuerySchema,
  ShopRatesSchema,
} from './schemas';

// The operator API as a table: the server registers exactly these routes and the OpenAPI document describes
// exactly these. Handlers only read: they get a CaseReader, never the refund service's commands.

export const API_BASE = '/api/v1';

export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; csv: string; filename: string; headers?: Record<string, string> };

export interface RouteResponse {
  contentType: 'application/json' | 'text/csv';
  /** Component name in the OpenAPI document (JSON responses). */
  name: string | null;
  schema: z.ZodType | null;
  description: string;
}

export interface OperatorRoute {
  method: 'get';
  /** restify style: `/api/v1/cases/:caseId`. */
  path: string;
  operationId: string;
  summary: string;
  tag: 'cases' | 'statistics' | 'meta';
  /** The OpenAPI document is public; everything else needs a bearer token. */
  auth: boolean;
  query: z.ZodObject;
  params: z.ZodObject | null;
  response: RouteResponse;
  /** Answers 404 for an unknown id. */
  mayBeNotFound: boolean;
  handle(input: { query: unknown; params: unknown }): Promise<Reply>;
}

export interface OperatorRouteDeps {
  cases: CaseReader;
  figures: OperatorFigures;
  policy: PolicyConfig;
  clock: Clock;
  shopName(shopId: string): Promise<string | null>;
  /** A signed, expiring link to an evidence file; absent: no links. */
  evidenceUrl?: (sha256: string) => string;
  /** The OpenAPI document (built from this table). */
  openapi(): unknown;
  /** The CSV export stops here (header X-Truncated tells). */
  maxExportRows?: number;
}

export function operatorRoutes(deps: OperatorRouteDeps): OperatorRoute[] {
  const tz = deps.policy.timeZone;
  const maxExportRows = deps.maxExportRows ?? 100_000;

  const matching = async (filter: z.infer<typeof CaseFilterSchema>) => {
    const cases = await deps.cases.listCases(storeQuery(filter, tz));
    return searchCases(cases, filter, deps.policy, deps.clock.now());
  };

  return [
    {
      method: 'get',
      path: `${API_BASE}/cases`,
      operationId: 'searchCases',
      summary: 'Search cases by state, shop, reason, type, buyer, order, filing dates and overdue; paged',
      tag: 'cases',
      auth: true,
      query: CaseSearchQuerySchema,
      params: null,
      response: { contentType: 'application/json', name: 'CaseSearchResult', schema: CaseSearchResultSchema, description: 'one page of matching cases' },
      mayBeNotFound: false,
      async handle({ query }) {
        const q = query as z.infer<typeof CaseSearchQuerySchema>;
        const all = await matching(q);
        const start = (q.page - 1) * q.pageSize;
        return {
          status: 200,
          json: {
            items: all.slice(start, start + q.pageSize).map((r) => r.summary),
            page: q.page,
            pageSize: q.pageSize,
            total: all.length,
            pages: Math.ceil(all.length / q.pageSize),
          },
        };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/cases.csv`,
      operationId: 'exportCases',
      summary: 'The same search as CSV (UTF-8 with BOM, for Excel), every matching case',
      tag: 'cases',
      auth: true,
      query: CaseFilterSchema,
      params: null,
      response: { contentType: 'text/csv', name: null, schema: null, description: 'matching cases, one per row, times in the platform time zone' },
      mayBeNotFound: false,
      async handle({ query }) {
        const rows = await matching(query as z.infer<typeof CaseFilterSchema>);
        const kept = rows.slice(0, maxExportRows);
        const stamp = localParts(deps.clock.now(), tz);
        const day = `${stamp.year}${String(stamp.month).padStart(2, '0')}${String(stamp.day).padStart(2, '0')}`;
        return {
          status: 200,
          csv: toCsv(kept, caseColumns(tz)),
          filename: `refund-cases-${day}.csv`,
          headers: { 'x-total-count': String(rows.length), ...(kept.length < rows.length ? { 'x-truncated': 'true' } : {}) },
        };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/cases/:caseId`,
      operationId: 'getCase',
      summary: 'One case with its full audit trail and evidence list',
      tag: 'cases',
      auth: true,
      query: EmptyQuerySchema,
      params: CaseIdParamsSchema,
      response: { contentType: 'application/json', name: 'CaseDetail', schema: CaseDetailSchema, description: 'the case, its audit trail (oldest first) and its evidence' },
      mayBeNotFound: true,
      async handle({ params }) {
        const { caseId } = params as z.infer<typeof CaseIdParamsSchema>;
        const c = await deps.cases.getCase(caseId);
        if (!c) return { status: 404, json: { error: 'not_found', message: `no case ${caseId}` } };
        const audit = await deps.cases.auditTrail(caseId);
        return {
          status: 200,
          json: {
            summary: caseSummary(c, deps.policy, deps.clock.now()),
            case: c,
            audit,
            evidence: c.evidence.map((e) => ({ ...e, url: deps.evidenceUrl ? deps.evidenceUrl(e.sha256) : null })),
          },
        };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/stats/monthly`,
      operationId: 'monthlyFigures',
      summary: "A month's figures: counts and amounts by reason, type, shop and outcome; time to merchant decision; deadline breaches; payment failures; settled without a person; handed to CS by reason; filing to money paid",
      tag: 'statistics',
      auth: true,
      query: MonthQuerySchema,
      params: null,
      response: { contentType: 'application/json', name: 'MonthFigures', schema: MonthFiguresSchema, description: 'figures of the cases filed in the month' },
      mayBeNotFound: false,
      async handle({ query }) {
        const { month } = query as z.infer<typeof MonthQuerySchema>;
        const now = localParts(deps.clock.now(), tz);
        const [y, m] = month ? (month.split('-').map(Number) as [number, number]) : [now.year, now.month];
        return { status: 200, json: await deps.figures.month(y, m) };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/stats/shops`,
      operationId: 'shopRefundRates',
      summary: "Cases per shop over a window against the platform median; outliers marked (more than REFUND_RATE_ALERT_FACTOR times the median)",
      tag: 'statistics',
      auth: true,
      query: ShopRatesQuerySchema,
      params: null,
      response: { contentType: 'application/json', name: 'ShopRates', schema: ShopRatesSchema, description: 'shops with cases in the window, most first' },
      mayBeNotFound: false,
      async handle({ query }) {
        const { days } = query as z.infer<typeof ShopRatesQuerySchema>;
        const rates = await deps.figures.shopRates(days);
        const shops = await Promise.all(rates.shops.map(async (s) => ({ ...s, name: await deps.shopName(s.shopId) })));
        return { status: 200, json: { ...rates, shops } };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/stats/open`,
      operationId: 'openCases',
      summary: 'Open cases by state, and the overdue ones',
      tag: 'statistics',
      auth: true,
      query: EmptyQuerySchema,
      params: null,
      response: { contentType: 'application/json', name: 'OpenCases', schema: OpenCasesSchema, description: 'open cases now' },
      mayBeNotFound: false,
      async handle() {
        return { status: 200, json: await deps.figures.openCases() };
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/openapi.json`,
      operationId: 'openApiDocument',
      summary: 'This API described as OpenAPI 3.1',
      tag: 'meta',
      auth: false,
      query: EmptyQuerySchema,
      params: null,
      response: { contentType: 'application/json', name: null, schema: OpenApiDocumentSchema, description: 'the OpenAPI document' },
      mayBeNotFound: false,
      async handle() {
        return { status: 200, json: deps.openapi() };
      },
    },
  ];
}
