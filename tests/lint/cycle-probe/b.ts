// The other half of the probe cycle.
import { a } from './a';

export const b = () => a;
