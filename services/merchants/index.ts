export { DEMO_LINK_CODES, LINK_CODE_ALPHABET, LINK_CODE_LENGTH, LINK_CODE_PATTERN, generateLinkCode, hashLinkCode, normalizeLinkCode } from './link-code';
export { looksLikeLinkCommand, parseLinkCommand } from './link-command';
export {
  DEFAULT_CODE_RETENTION_MS,
  DEFAULT_CODE_TTL_MS,
  MerchantBindingSchema,
  UnreachableSchema,
  type IssuedCode,
  type MerchantBinding,
  type MerchantDirectory,
  type MerchantDirectoryOptions,
  type MerchantUserRef,
  type RedeemError,
  type RedeemResult,
  type Redeemed,
  type Unreachable,
} from './merchant-directory';
export { merchantUserId, type ChannelUser } from './merchant-user';
export { MemoryMerchantDirectory } from './memory-merchant-directory';
export { RedisMerchantDirectory, type RedisMerchantDirectoryOptions } from './redis-merchant-directory';
