// What other desks tell the CS desk about, outside the outbox: things only they can see (a merchant who blocked or
// removed the bot cannot be told about a case). The CS desk implements it and posts an alert to the CS channel.

export interface CsAlerts {
  /**
   * The merchant user `userId` of shop `shopId` cannot be reached about case `caseId` (they blocked or removed the
   * bot). Alerts once per case and merchant user; never throws (a failed post is logged).
   */
  merchantUnreachable(shopId: string, userId: string, caseId: string): Promise<void>;
}
