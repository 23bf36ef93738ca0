import type { Logger } from '../../logger';

// Work the desk starts without making anyone wait for it (posting a card while the buyer already has their
// answer). Failures are logged; stopping the desk waits for what is under way.

export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(what: string, task: () => Promise<unknown>): void {
    const p: Promise<void> = task()
      .then(() => undefined)
      .catch((err: unknown) => this.log.warn({ err: String(err), what }, 'handoff background task failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
