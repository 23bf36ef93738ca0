import { connect } from 'node:net';
import type { Socket } from 'node:net';

// Requests written byte by byte on a TCP socket, for what fetch will not send: malformed request targets,
// upgrade requests, and clients that reset the connection half way.

export interface RawAnswer {
  /** The status line's code, or null when the server closed without answering. */
  status: number | null;
  text: string;
}

/** Sends `request` as is and reads until the server closes (or `waitMs` passes). */
export function rawRequest(port: number, request: string, waitMs = 2_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', done);
  });
}

export function upgradeRequest(path: string, extraHeaders = ''): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extraHeaders}\r\n`
  );
}

/** Writes `request`, waits `afterMs`, then resets the connection (TCP RST), as a client that vanishes does. */
export function resetAfter(port: number, request: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(request);
      setTimeout(() => {
        socket.resetAndDestroy();
        resolve();
      }, afterMs);
    });
    socket.on('error', () => resolve());
  });
}
