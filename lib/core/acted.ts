// « This person just changed something »: a short cookie that the browser sets when a server action
// answered ok (components/ui/useActionForm, ActionButton). While it lasts, the requests of that
// browser read the database rather than the shared answers (lib/core/shared-reads.ts): whichever
// process serves the next page (WEB_CONCURRENCY, several machines), it shows the change — the process
// that ran the action let go of its own answers, another may hold one up to SHARED_READ_MS old.
// Set by the browser, not by the action: a cookie set in a server action makes Next render the page
// again and empties the client's router cache. Honoured for a signed-in person only (freshReads in
// lib/core/session.ts): a stranger cannot use it to make each of their requests cost its reads.
// Pure: imported by the browser and by the server.

export const ACTED_COOKIE = 'ms_acted';

/** Longer than SHARED_READ_MS (1 s by default; keep it under 5 s) and a read still running. */
const ACTED_SECONDS = 10;

/** In the browser, after an action answered ok. */
export function markActed(): void {
  if (typeof document === 'undefined') return;
  const secure = location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${ACTED_COOKIE}=1; max-age=${ACTED_SECONDS}; path=/; samesite=lax${secure}`;
}
