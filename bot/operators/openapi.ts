import { z } from 'zod';
import type { OperatorRoute } from './routes';
import { ErrorSchema } from './schemas';

// The OpenAPI 3.1 document of the operator API, generated from the route table and its zod schemas. OpenAPI 3.1
// uses JSON Schema 2020-12, which is what z.toJSONSchema writes.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/api/v1/cases/:caseId` -> `/api/v1/cases/{caseId}` */
export function openApiPath(restifyPath: string): string {
  return restifyPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parameters(schema: z.ZodObject | null, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const doc = jsonSchema(schema, 'input');
  const properties = (doc.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((doc.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
      // Lists may be comma-separated (state=a,b); repeating the parameter works too.
      ...(rest.type === 'array' ? { style: 'form', explode: false } : {}),
    };
  });
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function buildOpenApi(routes: readonly OperatorRoute[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(ErrorSchema, 'output') };
  for (const route of routes) {
    const content: Record<string, unknown> = {};
    if (route.response.contentType === 'text/csv') content['text/csv'] = { schema: { type: 'string' } };
    else if (route.response.name && route.response.schema) {
      schemas[route.response.name] = jsonSchema(route.response.schema, 'output');
      content['application/json'] = { schema: { $ref: `#/components/schemas/${route.response.name}` } };
    } else content['application/json'] = { schema: route.response.schema ? jsonSchema(route.response.schema, 'output') : {} };
    const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
    const responses: Record<string, unknown> = { '200': { description: route.response.description, content } };
    if (params.length > 0) responses['400'] = errorResponse('invalid input: `issues` says what and where');
    if (route.auth) {
      responses['401'] = errorResponse('no bearer token, or not a known one');
      responses['503'] = errorResponse('the operator API is disabled (OPERATOR_TOKENS is not set)');
    }
    if (route.mayBeNotFound) responses['404'] = errorResponse('no such case');
    responses['500'] = errorResponse('a fault on our side; the request can be repeated');
    (paths[openApiPath(route.path)] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth ? [{ bearer: [] }] : [],
      parameters: params,
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Refund Desk operator API',
      version: info.version,
      description:
        'Read-only access for platform operators: case search and export, one case with its audit trail, monthly figures, refund rate per shop, open and overdue cases. Every request needs `Authorization: Bearer <token>` (tokens from OPERATOR_TOKENS) except this document.',
    },
    tags: [
      { name: 'cases', description: 'refund cases' },
      { name: 'statistics', description: 'figures of the refund process' },
      { name: 'meta', description: 'about the API' },
    ],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
