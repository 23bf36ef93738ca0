/** The parts of a Bot Framework ChannelAccount that identify a Teams user. */
export interface ChannelUser {
  id: string;
  aadObjectId?: string;
}

/**
 * The key a merchant is linked under: Teams' AAD object id is the same in every chat and survives reinstalling
 * the app; the channel id (29:...) is the fallback for channels without one.
 */
export function merchantUserId(from: ChannelUser): string {
  const aad = from.aadObjectId?.trim();
  return aad ? aad : from.id;
}
