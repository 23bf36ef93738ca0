import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { RedisClient } from '../../services/store';
import { redisInfo } from './redis-admin';

// The machine a figure was measured on, printed with every benchmark's results.

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  freeGb: number;
  node: string;
  redis: string;
  loadAverage: [number, number, number];
}

export async function machine(client: RedisClient): Promise<Machine> {
  const info = await redisInfo(client, 'server');
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 2 ** 30,
    freeGb: freemem() / 2 ** 30,
    node: process.version,
    redis: info.redis_version ?? 'unknown',
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number],
  };
}

export function describeMachine(m: Machine): string {
  return `${m.date}; ${m.cpus} x ${m.cpuModel}, ${m.memoryGb.toFixed(1)} GB (${m.freeGb.toFixed(1)} GB free); node ${m.node}; redis ${m.redis}; load average ${m.loadAverage.join(' ')}`;
}

export function loadAverageNow(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}
