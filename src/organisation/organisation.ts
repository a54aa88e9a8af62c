// This build's organisation (from organisation.json, checked at build time by the plugin in
// organisationPlugin.ts), or null for the national course. Features read it only through here.
import { logo as builtLogo, organisation as built } from 'virtual:heard-organisation';
// Light on purpose (the app shell reads quickExitUrl): the trust check and its schemas load only
// when a certificate or assignment is checked.
import type { Organisation } from './organisationSchema';
import type { TrustAnchor } from './trust';

export const organisation: Organisation | null = built;

/** The organisation's logo (a data: address), or null. */
export const organisationLogo: string | null = builtLogo;

/** Where Exit this page goes, when the organisation chose somewhere. */
export const quickExitUrl: string | null = organisation?.quickExitUrl ?? null;

/**
 * The address of this course's Verify page for QR codes, the PDF and the HTML certificate. The
 * organisation's canonical address when it gave one; otherwise the standalone app's own origin. An
 * LMS build without one has no address of its own worth printing (the LMS's origin would be wrong).
 */
export function verifyBase(location: Pick<Location, 'origin'> | undefined = globalThis.location): string | null {
  if (organisation) return organisation.canonicalUrl.replace(/\/+$/, '');
  if (import.meta.env.MODE === 'lms' || !location) return null;
  return location.origin;
}

let anchor: Promise<TrustAnchor | null> | undefined;

/** The organisation key this deployment trusts, with its withdrawals checked once. */
export function deploymentTrust(): Promise<TrustAnchor | null> {
  const trust = organisation?.trust;
  const name = organisation?.name ?? '';
  anchor ??= trust ? import('./trust').then(({ trustAnchor }) => trustAnchor(name, trust)) : Promise.resolve(null);
  return anchor;
}
