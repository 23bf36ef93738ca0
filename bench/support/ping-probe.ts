import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

// How long Redis keeps other clients waiting: a process of its own (so the benchmark's own event loop cannot
// delay the readings) sends PING after PING on a plain connection and keeps the longest reply time. Asked over
// IPC with {op: 'read'}, it answers the longest wait since the last reading.

const target = new URL(process.env.BENCH_REDIS_TARGET ?? 'redis://127.0.0.1:6379');
const socket = connect(Number(target.port || 6379), target.hostname || '127.0.0.1');
socket.setNoDelay(true);
let sentAt = 0;
let longest = 0;
let pings = 0;
const ping = () => {
  sentAt = performance.now();
  socket.write('PING\r\n');
};
socket.on('data', () => {
  longest = Math.max(longest, performance.now() - sentAt);
  pings++;
  setImmediate(ping);
});
socket.once('connect', () => {
  ping();
  process.send!({ type: 'ready' });
});
socket.on('error', (err) => {
  process.stderr.write(`ping probe: ${err.message}\n`);
  process.exit(1);
});
process.on('message', (m: { op?: string; id?: number }) => {
  if (m.op === 'read') {
    process.send!({ id: m.id, longestMs: longest, pings });
    longest = 0;
    pings = 0;
  }
  if (m.op === 'stop') process.exit(0);
});
