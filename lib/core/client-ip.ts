// The client's address for throttling, from the headers the reverse proxies set. Each proxy APPENDS
// the address it sees to X-Forwarded-For, so the hops a client cannot forge are the last ones:
// TRUSTED_PROXY=<n> says how many proxies append (1: one nginx/Caddy; 2: a CDN, then nginx), and the
// client is the n-th hop from the end (what the client wrote itself comes before and is ignored).
// Unset (development), the last hop is used, as one proxy would give. No address at all: 'unknown'
// (all such requests share one bucket, see throttle.ts). Pure: no Next or database import.
const MAX_PROXIES = 10;

/** TRUSTED_PROXY as a number of proxies (1–10); null when unset or not such a number. */
export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY): number | null {
  const v = value?.trim();
  if (!v || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= MAX_PROXIES ? n : null;
}

export function ipFromHeaders(
  forwardedFor: string | string[] | null | undefined,
  realIp: string | string[] | null | undefined,
  proxies: number | null = trustedProxyHops(),
): string {
  const fwd = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = (fwd ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const real = (Array.isArray(realIp) ? realIp[0] : realIp)?.trim();
  // Fewer hops than proxies: the first one was written by a proxy (a client can only add hops).
  const hop = hops.length ? hops.at(-Math.min(proxies ?? 1, hops.length)) : undefined;
  return (hop || real || 'unknown').slice(0, 64);
}

/**
 * Why a server must not start with these settings (a French sentence saying what to do), or null.
 * In production (APP_ENV=production) the per-client limits need the client's address: TRUSTED_PROXY
 * is required. A TRUSTED_PROXY that is not a number of proxies is refused everywhere.
 */
export function serverStartProblem(e: Record<string, string | undefined> = process.env): string | null {
  const raw = e.TRUSTED_PROXY?.trim();
  if (raw && trustedProxyHops(raw) === null) {
    return `TRUSTED_PROXY=${raw.slice(0, 40)} n’est pas valable : indiquez le nombre de proxys (de 1 à ${MAX_PROXIES}) qui ajoutent l’adresse du client à X-Forwarded-For, par exemple TRUSTED_PROXY=1 derrière un seul nginx ou Caddy.`;
  }
  if (e.APP_ENV === 'production' && e.MINISTAGE_NOW) {
    return 'Démarrage refusé : MINISTAGE_NOW (l’horloge des tests) est défini alors que APP_ENV=production. Retirez MINISTAGE_NOW : en production, l’application suit l’heure de la machine.';
  }
  if (e.APP_ENV === 'production' && !raw) {
    return (
      'Démarrage refusé : en production (APP_ENV=production), ministage doit connaître l’adresse de chaque client pour limiter les tentatives de connexion. ' +
      'Placez l’application derrière un proxy (nginx, Caddy…) qui ajoute l’adresse du client à X-Forwarded-For, puis indiquez-le avec TRUSTED_PROXY=1 (TRUSTED_PROXY=2 derrière deux proxys, par exemple un CDN puis nginx).'
    );
  }
  return null;
}
