// The client's address for throttling, from the headers a reverse proxy sets. The proxy APPENDS
// the address it sees to X-Forwarded-For: the last hop is the one the client cannot forge (the
// first one is whatever the client sent). Run the app behind one proxy that appends it.
export function ipFromHeaders(forwardedFor: string | string[] | null | undefined, realIp: string | string[] | null | undefined): string {
  const fwd = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = (fwd ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const real = (Array.isArray(realIp) ? realIp[0] : realIp)?.trim();
  return (hops.at(-1) || real || 'unknown').slice(0, 64);
}
