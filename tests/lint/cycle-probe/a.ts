// Half of an import cycle the lint test must find (see boundaries.test.ts).
import { b } from './b';

export const a = () => b;
