// The client's address, for throttling (the first X-Forwarded-For hop, as lib/core/auth.ts reads it).
import { headers } from 'next/headers';

export async function clientIp(): Promise<string> {
  try {
    const h = await headers();
    return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
  } catch {
    return 'unknown'; // outside a request (scripts, tests)
  }
}
