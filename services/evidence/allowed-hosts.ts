// Which hosts evidence may be downloaded from: the service host of the incoming activity (where the channel
// keeps its uploads; for the local Emulator that is localhost) and a configured list. The decision is by
// host name and port only, made before any connection: a name that is not allowed is never even resolved.

interface HostEntry {
  hostname: string;
  /** null: the scheme's default port. */
  port: string | null;
}

const HOST_ENTRY = /^[^/?#@\s\\]+$/;

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

export const isFetchableScheme = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

/** `host[:port]` of a URL as written in errors and logs. */
export const hostOf = (url: URL): string => url.host;

export function parseHostEntry(entry: string): HostEntry {
  const trimmed = entry.trim();
  let parsed: URL;
  try {
    parsed = new URL(`http://${trimmed}`);
  } catch {
    throw new Error(`allowed evidence host "${entry}" is not host[:port]`);
  }
  if (!HOST_ENTRY.test(trimmed) || parsed.pathname !== '/') throw new Error(`allowed evidence host "${entry}" is not host[:port]`);
  const port = /:(\d+)$/.exec(trimmed)?.[1];
  return { hostname: parsed.hostname, port: port === undefined ? null : String(Number(port)) };
}

export class HostAllowlist {
  private constructor(private readonly entries: readonly HostEntry[]) {}

  static of(configured: readonly string[]): HostAllowlist {
    return new HostAllowlist(configured.map(parseHostEntry));
  }

  /** The configured hosts plus the activity's service host, matched with its exact (or default) port. */
  withServiceUrl(serviceUrl: string | undefined): HostAllowlist {
    if (!serviceUrl) return this;
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return this;
    }
    if (!isFetchableScheme(url)) return this;
    return new HostAllowlist([...this.entries, { hostname: url.hostname, port: effectivePort(url) }]);
  }

  allows(url: URL): boolean {
    if (!isFetchableScheme(url)) return false;
    return this.entries.some(
      (entry) => entry.hostname === url.hostname && (entry.port === null ? url.port === '' : entry.port === effectivePort(url)),
    );
  }
}

function effectivePort(url: URL): string {
  return url.port || DEFAULT_PORTS[url.protocol] || '';
}

/** Same scheme, host and port: the channel's credentials go only there, never to a redirect target elsewhere. */
export function sameOrigin(url: URL, other: string | undefined): boolean {
  if (!other) return false;
  try {
    return new URL(other).origin === url.origin;
  } catch {
    return false;
  }
}
