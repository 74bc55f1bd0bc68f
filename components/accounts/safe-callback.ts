/**
 * Where to go after signing in: a same-origin path from `callbackUrl`, else '/'.
 * The value is resolved the way a browser resolves it (WHATWG URL: tabs and new lines removed,
 * dot segments collapsed), and the path returned never starts with '//' (protocol-relative).
 */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  if (!raw) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = url.pathname.replace(/^[/\\]+/, '/');
  return `${path}${url.search}${url.hash}`;
}
