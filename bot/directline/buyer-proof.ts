import { verifyBuyerToken } from '../identity';
import type { BuyerProof } from './direct-line-service';

// Who may open a widget conversation, and as whom. With BUYER_TOKEN_SECRET set, only a platform-signed buyer
// token proves a buyer (and is passed on to the bot). Without one (development), the page names the buyer.

export type ProofResult =
  | { ok: true; value: BuyerProof }
  | { ok: false; error: { kind: 'missing' | 'bad_token' | 'bad_buyer_id'; message: string } };

const BUYER_ID = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;

export function proveBuyer(input: { buyerToken?: unknown; buyerId?: unknown }, secret: string | undefined, now: Date): ProofResult {
  if (secret) {
    if (input.buyerToken === undefined || input.buyerToken === null || input.buyerToken === '') {
      return { ok: false, error: { kind: 'missing', message: 'A platform-signed buyer token is required.' } };
    }
    const check = verifyBuyerToken(input.buyerToken, secret, now);
    if (!check.ok) return { ok: false, error: { kind: 'bad_token', message: check.kind === 'expired' ? 'The buyer token has expired.' : 'The buyer token is not valid.' } };
    return { ok: true, value: { buyerId: check.buyerId, buyerToken: input.buyerToken as string, buyerTokenExpiresAt: check.expiresAt.getTime() } };
  }
  if (typeof input.buyerId !== 'string' || !BUYER_ID.test(input.buyerId)) {
    return { ok: false, error: { kind: 'bad_buyer_id', message: 'Name the buyer (buyerId): letters, digits and . _ @ : - only.' } };
  }
  return { ok: true, value: { buyerId: input.buyerId } };
}
