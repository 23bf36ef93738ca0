import type { Clock, RefundService } from '../services/refunds';
import type { EvidenceService } from '../services/evidence';
import type { Recognizer } from '../services/nlu';
import type { HandoffQueue } from '../services/handoff';

// What the dialogs need, injected once by the composition root. Dialogs call services through these public
// faces only, never a store or Redis directly.

export interface DialogDeps {
  refunds: RefundService;
  evidence: EvidenceService;
  recognizer: Recognizer;
  handoff: HandoffQueue;
  /** The platform's time zone, for dates shown to buyers. */
  timeZone: string;
  /** The same clock the refund service runs on (tests move it). */
  clock: Clock;
}
