import { createHash } from 'node:crypto';

export interface ScriptArguments {
  keys: string[];
  arguments: string[];
}

/** The two commands a Lua script needs; node-redis' client satisfies it. */
export interface RedisScriptClient {
  evalSha(sha1: string, options: ScriptArguments): Promise<unknown>;
  eval(script: string, options: ScriptArguments): Promise<unknown>;
}

/**
 * A Lua script run by its SHA: one round trip once Redis has it cached. The client is passed in from
 * outside, so the script cannot be registered at connection time; a NOSCRIPT reply (after a restart or
 * SCRIPT FLUSH) falls back to EVAL, which also puts the script back into the cache.
 */
export class RedisScript {
  readonly sha1: string;

  constructor(readonly source: string) {
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisScriptClient, args: ScriptArguments): Promise<unknown> {
    try {
      return await client.evalSha(this.sha1, args);
    } catch (err) {
      if (!isNoScript(err)) throw err;
      return client.eval(this.source, args);
    }
  }
}

function isNoScript(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('NOSCRIPT');
}
