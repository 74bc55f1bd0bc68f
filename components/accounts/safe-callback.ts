/** Where to go after signing in: a same-origin path from `callbackUrl`, else '/'. */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  if (!raw) return '/';
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')) return raw;
  try {
    const url = new URL(raw);
    if (url.origin === origin) return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    // not a URL
  }
  return '/';
}
