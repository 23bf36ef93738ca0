import { createServer } from 'node:net';
import { createRedis, reconnectDelay } from '../../../services/store';
import { eventually } from './case-writes';

describe('reconnectDelay', () => {
  it('doubles from 100 ms up to the cap', () => {
    const noJitter = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6, 30].map((n) => reconnectDelay(n, 5_000, noJitter))).toEqual([
      100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000,
    ]);
  });

  it('takes up to a fifth off at random so instances do not reconnect together', () => {
    expect(reconnectDelay(3, 5_000, () => 0)).toBe(640);
    expect(reconnectDelay(30, 5_000, () => 0)).toBe(4_000);
    for (let i = 0; i < 50; i++) {
      const d = reconnectDelay(2, 5_000);
      expect(d).toBeGreaterThanOrEqual(320);
      expect(d).toBeLessThanOrEqual(400);
    }
  });
});

describe('createRedis', () => {
  it('connects to the URL it is given', async () => {
    const client = createRedis({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379', name: 'refund-desk-test' });
    await client.connect();
    expect(await client.sendCommand(['PING'])).toBe('PONG');
    expect(await client.sendCommand(['CLIENT', 'GETNAME'])).toBe('refund-desk-test');
    await client.close();
  });

  it('reports connection errors to onError and keeps trying', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const errors: Error[] = [];
    const client = createRedis({ url: `redis://127.0.0.1:${port}`, onError: (err) => errors.push(err), maxReconnectDelayMs: 50 });
    client.connect().catch(() => {});
    await eventually(() => errors.length >= 2, 5_000, 'two failed attempts');
    client.destroy();
    expect(errors[0]!.message).toMatch(/ECONNREFUSED|connect/);
  });
});
