import type { CaseTimers, PaymentFlow, SweepReport } from '../refunds';

export interface SweeperLoopOptions {
  timers: CaseTimers;
  payments: PaymentFlow;
  sweepIntervalMs: number;
  returnPollIntervalMs: number;
  onSweep?: (report: SweepReport) => void;
  onError?: (err: unknown, what: string) => void;
}

/**
 * Runs the deadline sweeper and the return poller on intervals. Safe with several instances on one store: every
 * write is a compare-and-set, so a due deadline fires once whoever finds it.
 */
export class SweeperLoop {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(private readonly options: SweeperLoopOptions) {}

  /** Reconciles payments left mid-flight by a previous process, then starts the intervals. */
  async start(): Promise<void> {
    await this.guard('reconcile', () => this.options.payments.reconcile());
    this.every(this.options.sweepIntervalMs, 'sweep', async () => {
      const report = await this.options.timers.sweep();
      if (report.examined > 0) this.options.onSweep?.(report);
    });
    this.every(this.options.returnPollIntervalMs, 'return poll', () => this.options.timers.pollReturns());
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.running]);
  }

  private every(ms: number, what: string, run: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const p = this.guard(what, run).finally(() => {
        busy = false;
        this.running.delete(p);
      });
      this.running.add(p);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async guard(what: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      this.options.onError?.(err, what);
    }
  }
}
