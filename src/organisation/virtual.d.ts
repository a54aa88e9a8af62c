// The organisation file as the build read it (see organisationPlugin.ts).
declare module 'virtual:heard-organisation' {
  import type { Organisation } from './organisationSchema';
  export const organisation: Organisation | null;
}
