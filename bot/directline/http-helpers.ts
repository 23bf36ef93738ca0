import type { Request, Response } from 'restify';

// Small HTTP helpers shared by the widget's routes. Errors have Direct Line's shape: { error: { code, message } }.

export type ErrorCode = 'BadArgument' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'TooLarge' | 'Busy' | 'BotError' | 'Unavailable' | 'MethodNotAllowed';

const STATUS: Record<ErrorCode, number> = {
  BadArgument: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  TooLarge: 413,
  BotError: 502,
  Busy: 503,
  Unavailable: 503,
};

export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  if (code === 'Busy') res.setHeader('Retry-After', '2');
  res.status(STATUS[code]);
  res.json({ error: { code, message } });
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(status);
  res.json(body);
}

/** The base URL the browser used (or the configured public one): for URLs handed to the page. */
export function browserBase(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '');
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(req.headers.host) ? req.headers.host : 'localhost';
  const tls = Boolean((req.socket as { encrypted?: boolean } | undefined)?.encrypted);
  return `${tls ? 'https' : 'http'}://${host}`;
}

export const param = (req: Request, name: string): string => String((req.params as Record<string, unknown> | undefined)?.[name] ?? '');

export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://query.invalid').searchParams;
}
