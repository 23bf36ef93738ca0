// Memory of a process under test, as the benchmark reads it over IPC: the figures now, and since the last
// reading the smallest heap seen (sampled every second: the low points come right after collections, so the
// minimum follows what is really live rather than the garbage between collections) and the largest rss and heap.

export interface MemoryReading {
  now: NodeJS.MemoryUsage;
  /** Since the previous reading (or the start). */
  minHeapUsed: number;
  maxHeapUsed: number;
  maxRss: number;
  samples: number;
}

let window = fresh();
let timer: NodeJS.Timeout | null = null;

function fresh(): { minHeapUsed: number; maxHeapUsed: number; maxRss: number; samples: number } {
  return { minHeapUsed: Infinity, maxHeapUsed: 0, maxRss: 0, samples: 0 };
}

function sample(): NodeJS.MemoryUsage {
  const m = process.memoryUsage();
  window.minHeapUsed = Math.min(window.minHeapUsed, m.heapUsed);
  window.maxHeapUsed = Math.max(window.maxHeapUsed, m.heapUsed);
  window.maxRss = Math.max(window.maxRss, m.rss);
  window.samples += 1;
  return m;
}

/** Starts sampling once a second (the timer does not keep the process alive). */
export function startMemoryProbe(intervalMs = 1_000): void {
  if (timer) return;
  timer = setInterval(sample, intervalMs);
  timer.unref();
}

export function readMemory(): MemoryReading {
  const now = sample();
  const reading: MemoryReading = { now, ...window };
  window = fresh();
  return reading;
}

/** Answers {op: 'memory'}; returns false for any other message. */
export function handleMemoryMessage(m: { op?: string; id?: number }): boolean {
  if (m.op !== 'memory') return false;
  process.send!({ id: m.id, memory: readMemory() });
  return true;
}
