import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Reply } from './routes';

// Writing replies and turning zod issues into the API's 400 body.

export interface Issue {
  path: string;
  message: string;
  code: string;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message, code: i.code }));
}

export function badRequest(issues: Issue[]): Reply {
  return { status: 400, json: { error: 'invalid_request', message: `${issues.length} problem(s) with the request: see issues`, issues } };
}

export function send(res: ServerResponse, reply: Reply): void {
  const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...reply.headers };
  if ('csv' in reply) {
    const body = Buffer.from(reply.csv, 'utf8');
    res.writeHead(reply.status, {
      ...common,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reply.filename}"`,
      'content-length': String(body.length),
    });
    res.end(body);
    return;
  }
  const body = Buffer.from(JSON.stringify(reply.json), 'utf8');
  res.writeHead(reply.status, { ...common, 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) });
  res.end(body);
}
