import type { Logger } from '../logger';

// Alerts that other desks raise for CS agents. The CS desk implements this and posts them to its channel; until
// it is wired, they go to the log (operators watch warnings).

export interface CsAlerts {
  /** A merchant blocked or removed the app: they no longer get cards, the case's deadlines still run. */
  merchantUnreachable(shopId: string, userId: string, caseId: string): Promise<void>;
}

export class LoggedCsAlerts implements CsAlerts {
  constructor(private readonly log: Logger) {}

  async merchantUnreachable(shopId: string, userId: string, caseId: string): Promise<void> {
    this.log.warn({ shopId, userId, caseId, alert: 'merchant_unreachable' }, 'merchant cannot be reached in Teams (blocked or removed the app); no CS desk to alert');
  }
}
