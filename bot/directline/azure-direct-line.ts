// The Azure Direct Line option, kept thin: the page gets an Azure token and domain from the widget's token
// endpoint instead of this server's, and talks to Azure from there. The secret never leaves the server.

export interface AzureDirectLineOptions {
  secret: string;
  /** e.g. https://directline.botframework.com/v3/directline (or a regional endpoint). */
  domain: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type AzureTokenResult =
  | { ok: true; value: { conversationId: string; token: string; expiresIn: number } }
  | { ok: false; error: { kind: 'unavailable'; status?: number; message: string } };

export async function generateAzureToken(options: AzureDirectLineOptions, userId: string): Promise<AzureTokenResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    const res = await doFetch(`${options.domain.replace(/\/+$/, '')}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!res.ok) return { ok: false, error: { kind: 'unavailable', status: res.status, message: `Direct Line answered ${res.status}` } };
    const body = (await res.json()) as { conversationId?: unknown; token?: unknown; expires_in?: unknown };
    if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
      return { ok: false, error: { kind: 'unavailable', message: 'Direct Line answered without a token' } };
    }
    return { ok: true, value: { conversationId: body.conversationId, token: body.token, expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 1800 } };
  } catch (err) {
    return { ok: false, error: { kind: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
  }
}
