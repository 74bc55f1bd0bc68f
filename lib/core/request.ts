// The client's address, for throttling (the hop the reverse proxy added: see client-ip.ts).
import { headers } from 'next/headers';
import { ipFromHeaders } from './client-ip.ts';

export async function clientIp(): Promise<string> {
  try {
    const h = await headers();
    return ipFromHeaders(h.get('x-forwarded-for'), h.get('x-real-ip'));
  } catch {
    return 'unknown'; // outside a request (scripts, tests)
  }
}

/** The client's User-Agent (recorded with a signature), or null outside a request. */
export async function userAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null;
  }
}
