import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Actor, Clock, EventSource, OrderCatalogue, RefundCore } from '../../services/refunds';
import type { EvidenceService } from '../../services/evidence';
import type { HandoffQueue } from '../../services/handoff';
import type { Recognizer } from '../../services/nlu';
import type { RedisClient } from '../../services/store';
import type { ConversationReferenceStore } from '../proactive';
import type { StaffReferences } from './staff-references';
import type { StaffRouter } from './staff-router';
import type { CsAlerts } from './cs-alerts';

// What every staff desk (merchants, CS decisions, handoff) is built from. Built once by the composition root.

export interface StaffContext {
  config: Config;
  log: Logger;
  adapter: CloudAdapter;
  /** For proactive sends: `appId ?? ''` (DESIGN.md §5). */
  appId: string;
  core: RefundCore;
  events: EventSource;
  orders: OrderCatalogue;
  clock: Clock;
  /** Null when running in memory. */
  redis: RedisClient | null;
  prefix: string;
  evidence: EvidenceService;
  /** A signed, expiring link to an evidence file, served by the bot (GET /evidence/...). */
  evidenceUrl(sha256: string): string;
  references: StaffReferences;
  /** Where buyers can be reached (their latest conversation, or the one a case was filed from). */
  buyerReferences: ConversationReferenceStore;
  handoff: HandoffQueue;
  recognizer: Recognizer;
  router: StaffRouter;
  /** Set by the CS desk when it is wired (it posts them to its channel); other desks read it when they raise one. */
  csAlerts?: CsAlerts;
}

/** A desk plugs into the router and may run background consumers (outbox subscribers). */
export interface Desk {
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Handoff only: takes a buyer's message while a person owns the conversation. */
  relayBuyerMessage?(context: TurnContext, buyer: Actor): Promise<boolean>;
}
