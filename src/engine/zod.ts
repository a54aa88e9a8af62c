// zod, configured once for the whole app. Without `jitless`, zod probes `new Function` to speed up
// parsing, and the strict Content Security Policy reports that probe as a violation.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
