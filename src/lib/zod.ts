// Zod for the whole app. Its JIT compiles object parsers with `new Function`, which the production
// Content-Security-Policy forbids (no 'unsafe-eval'); even probing for it reports a violation. The
// interpreted parsers are fast enough for forms.
import { z } from 'zod'

z.config({ jitless: true })

export { z }
