// The one way a route handler (app/api/**/route.ts) answers: a French text and a status for every
// failure, never a stack nor Next's bare 500. The database out of reach (PostgreSQL stopped or
// restarting) or Chromium stopped mid-print → 503 with Retry-After: passing, the next request
// reconnects or relaunches by itself. A refusal with a French message (AppError) → its status.
// Anything else is logged without its message (it may quote a row) and answered 500 in French.
import { unstable_rethrow } from 'next/navigation';
import { isBrowserFailure, PRINTER_UNAVAILABLE } from './chromium.ts';
import { AppError, DATABASE_UNAVAILABLE, errorSummary, isDatabaseUnavailable, type ErrorCode } from './errors.ts';

/** The text answer of a route (no caching: a refusal or a failure is never kept by a proxy). */
export const textResponse = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra } });

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  EXPIRED: 410,
  UNAVAILABLE: 503,
  UNEXPECTED: 503,
};

export const ROUTE_FAILED = 'La demande n’a pas abouti. Réessayez dans un instant ; si cela continue, prévenez l’équipe technique de la plateforme.';

/** How a route words its answers: plain text by default; the sign-in handshake's routes answer a French HTML page. */
export type Answer = (body: string, status: number, extra?: Record<string, string>) => Response;

/** What a route answers when `respond` throws (`area` names it in the server's log). */
function routeFailure(area: string, err: unknown, answer: Answer = textResponse): Response {
  if (err instanceof AppError) return answer(err.message, STATUS[err.code]);
  if (isDatabaseUnavailable(err)) {
    console.warn(`[${area}] base de données injoignable (${errorSummary(err)})`);
    return answer(DATABASE_UNAVAILABLE, 503, { 'Retry-After': '5' });
  }
  if (isBrowserFailure(err)) {
    console.warn(`[${area}] Chromium s’est arrêté pendant l’impression (${errorSummary(err)})`);
    return answer(PRINTER_UNAVAILABLE, 503, { 'Retry-After': '5' });
  }
  console.error(`[${area}] erreur inattendue (${errorSummary(err)})`);
  return answer(ROUTE_FAILED, 500);
}

/** Runs a route's answer; a failure becomes `routeFailure`'s (Next's own redirects and 404s pass through). */
export async function guardRoute(area: string, respond: () => Promise<Response>, answer: Answer = textResponse): Promise<Response> {
  try {
    return await respond();
  } catch (err) {
    unstable_rethrow(err);
    return routeFailure(area, err, answer);
  }
}
