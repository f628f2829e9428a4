// zod/mini for what the list page loads (the mock's controls schema): the same core as the app's full
// zod (src/lib/zod.ts) without its method-chaining API, which cannot be tree-shaken. The same CSP rule
// applies: no JIT (`new Function`).
import * as z from 'zod/mini'

z.config({ jitless: true })

export { z }
