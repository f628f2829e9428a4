// Stands in for tldts in the browser bundle (vite.config.ts aliases it). msw keeps the cookies of mocked
// responses with tough-cookie, which asks tldts for a host's registrable domain; tldts carries the whole
// public-suffix list for that: 133 kB of script (47 kB gzip) parsed before the mock can answer, about
// 60 ms of main-thread time on every first load. The console's mock sets no cookies, so here every
// top-level label counts as the public suffix: `a.b.example.com` → `example.com`. Multi-label suffixes
// (`co.uk`) are not known; an IP address or a one-label host has no registrable domain.

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** The registrable domain of `host`: its last two labels, or null for an IP address or a one-label host. */
export function getDomain(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (IPV4.test(name) || name.includes(':')) return null
  const labels = name.split('.')
  if (labels.length < 2 || labels.some((label) => label === '')) return null
  return labels.slice(-2).join('.')
}
