import type { Activity } from 'botbuilder';
import type { ConversationReferenceStore, StoredReference } from './conversation-references';
import { canonicalReference, referenceOf } from './conversation-references';

// Keeps the buyer's latest conversation reference up to date on every message without a Redis write per
// message: a reference is written only when it differs from the one this instance last wrote for the buyer.
// Another instance may have written a different conversation since; remembered writes therefore count only for
// `rememberMs`, after which the next message writes again, so the store is never stale for longer than that.

export interface ReferenceRecorderOptions {
  store: ConversationReferenceStore;
  /** How long a write is trusted to still be the stored value. Default 10 minutes. */
  rememberMs?: number;
  /** Buyers remembered at most (least recently written forgotten first). Default 10,000. */
  maxBuyers?: number;
  now?: () => number;
}

export class ReferenceRecorder {
  private readonly store: ConversationReferenceStore;
  private readonly rememberMs: number;
  private readonly maxBuyers: number;
  private readonly now: () => number;
  private readonly written = new Map<string, { canonical: string; at: number }>();

  constructor(options: ReferenceRecorderOptions) {
    this.store = options.store;
    this.rememberMs = options.rememberMs ?? 10 * 60_000;
    this.maxBuyers = options.maxBuyers ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Stores the conversation the activity came from as the buyer's latest; returns whether it wrote. */
  async record(buyerId: string, activity: Partial<Activity>): Promise<boolean> {
    const reference: StoredReference = referenceOf(activity);
    const canonical = canonicalReference(reference);
    const now = this.now();
    const last = this.written.get(buyerId);
    if (last && last.canonical === canonical && now - last.at < this.rememberMs) return false;
    await this.store.saveForBuyer(buyerId, reference);
    this.written.delete(buyerId);
    this.written.set(buyerId, { canonical, at: now });
    if (this.written.size > this.maxBuyers) {
      const oldest = this.written.keys().next().value;
      if (oldest !== undefined) this.written.delete(oldest);
    }
    return true;
  }
}
