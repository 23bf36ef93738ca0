// Runs before jest: the Redis suites are part of the default test run and are never skipped.
// With no Redis reachable, say so plainly and how to start one, then fail.
const net = require('node:net');

const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
const port = Number(url.port || 6379);

const socket = net.connect({ host, port });
socket.setTimeout(2000);
socket.on('connect', () => socket.write('PING\r\n'));
socket.on('data', (chunk) => {
  socket.end();
  if (/^\+PONG|^-NOAUTH/.test(chunk.toString())) process.exit(0);
  fail(`unexpected answer: ${chunk.toString().trim()}`);
});
socket.on('timeout', () => fail('no answer within 2 s'));
socket.on('error', (err) => fail(err.message));

function fail(why) {
  console.error(`
The tests need a Redis server at ${url.host} (REDIS_URL), and none answered (${why}).
Start one, for example:
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
(install it first with: apt-get update && apt-get install -y redis-server)
`);
  process.exit(1);
}
