import type { Activity } from 'botbuilder';
import type { TokenCheck } from './buyer-token';
import { verifyBuyerToken } from './buyer-token';

// Who the buyer is. In development (no signing secret) the channel's user id is the buyer id; with a secret,
// every activity must carry a platform-signed token in channelData.buyerToken.

export type BuyerIdentityResult = { ok: true; buyerId: string } | { ok: false; kind: Exclude<TokenCheck, { ok: true }>['kind'] | 'no_user' };

export class BuyerIdentity {
  constructor(private readonly options: { secret?: string; now?: () => Date }) {}

  get signed(): boolean {
    return Boolean(this.options.secret);
  }

  resolve(activity: Partial<Activity>): BuyerIdentityResult {
    if (!this.options.secret) {
      const id = activity.from?.id;
      return typeof id === 'string' && id.length > 0 && id.length <= 128 ? { ok: true, buyerId: id } : { ok: false, kind: 'no_user' };
    }
    const token = (activity.channelData as { buyerToken?: unknown } | undefined)?.buyerToken;
    const check = verifyBuyerToken(token, this.options.secret, this.options.now?.() ?? new Date());
    return check.ok ? { ok: true, buyerId: check.buyerId } : { ok: false, kind: check.kind };
  }
}
