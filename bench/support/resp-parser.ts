// Reads the commands a client writes to Redis (RESP arrays of bulk strings, or inline commands) from a byte
// stream that arrives in arbitrary chunks. Only what is needed to classify a command is decoded: its name and
// its first arguments; bulk payloads are skipped by length.

export interface ParsedCommand {
  /** Upper-case command name. */
  name: string;
  /** The first arguments (at most `keepArgs`), as text. */
  args: string[];
  bytes: number;
}

const CRLF = Buffer.from('\r\n');

export class RespCommandParser {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly keepArgs = 6) {}

  /** Adds a chunk; returns the commands it completed (possibly none). */
  push(chunk: Buffer): ParsedCommand[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: ParsedCommand[] = [];
    let offset = 0;
    for (;;) {
      const parsed = this.parseAt(offset);
      if (!parsed) break;
      out.push(parsed.command);
      offset = parsed.next;
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
    return out;
  }

  /** Bytes held that do not yet make a whole command. */
  get pending(): number {
    return this.buffer.length;
  }

  private parseAt(start: number): { command: ParsedCommand; next: number } | null {
    const b = this.buffer;
    if (start >= b.length) return null;
    if (b[start] !== 0x2a /* '*' */) {
      // Inline command: one line, words separated by spaces.
      const end = b.indexOf(CRLF, start);
      if (end < 0) return null;
      const words = b.subarray(start, end).toString('utf8').trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) return this.parseAt(end + 2);
      return { command: { name: words[0]!.toUpperCase(), args: words.slice(1, 1 + this.keepArgs), bytes: end + 2 - start }, next: end + 2 };
    }
    const headerEnd = b.indexOf(CRLF, start);
    if (headerEnd < 0) return null;
    const count = Number(b.subarray(start + 1, headerEnd).toString('latin1'));
    if (!Number.isInteger(count) || count < 0) throw new Error(`not RESP: array header "${b.subarray(start, headerEnd).toString('latin1')}"`);
    let pos = headerEnd + 2;
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      if (pos >= b.length) return null;
      if (b[pos] !== 0x24 /* '$' */) throw new Error('not RESP: expected a bulk string');
      const lenEnd = b.indexOf(CRLF, pos);
      if (lenEnd < 0) return null;
      const len = Number(b.subarray(pos + 1, lenEnd).toString('latin1'));
      const dataStart = lenEnd + 2;
      if (dataStart + len + 2 > b.length) return null;
      if (i <= this.keepArgs) parts.push(b.subarray(dataStart, dataStart + len).toString('utf8'));
      pos = dataStart + len + 2;
    }
    const [name = '', ...args] = parts;
    return { command: { name: name.toUpperCase(), args, bytes: pos - start }, next: pos };
  }
}
