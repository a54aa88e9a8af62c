// The organisation file as the build read it (see organisationPlugin.ts).
declare module 'virtual:heard-organisation' {
  import type { Organisation } from './organisationSchema';
  export const organisation: Organisation | null;
  /** The organisation's logo as a data: address, when the file names one. */
  export const logo: string | null;
}
