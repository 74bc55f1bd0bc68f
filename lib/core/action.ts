// The shape of every server action: parse (zod) → who (session) → where (host) → may (the
// handler calls assertCan) → do → let go of the platform's shared reads (lib/core/shared-reads.ts).
// Returns a result object; never throws to the browser.
import './zod-fr.ts'; // French wording for zod checks that carry no message of their own
import 'server-only';
import { z } from 'zod';
import { AppError, DATABASE_UNAVAILABLE, errorSummary, isDatabaseUnavailable, type FieldErrors } from './errors.ts';
import { getActor, type Actor } from './session.ts';
import type { ActionError, ActionResult } from './action-types.ts';
import { isBrowserFailure, PRINTER_UNAVAILABLE } from './chromium.ts';
import { sharedReadsChanged } from './shared-reads.ts';

export type { ActionResult } from './action-types.ts';

export type ActionOptions = {
  /** 'user' (default): a signed-in, active account is required. 'public': anyone. */
  auth?: 'user' | 'public';
  /** The action's name in the server's log; by default the function that called runAction. */
  name?: string;
};

/** zod issues → { field: [messages] } with the form's field names (dotted paths). */
function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The function that called runAction (its stack frame above runAction's), for the log. */
function callerName(where: { stack?: string }): string {
  const frame = where.stack?.split('\n').find((l) => /^\s+at /.test(l));
  const name = frame?.match(/^\s+at (?:async )?([^\s(]+) \(/)?.[1];
  return name?.replace(/^Object\./, '') ?? 'action';
}

/** The stack's frames only: an error's message may quote a row (a signer's name, an email). */
function framesOf(err: unknown): string {
  if (!(err instanceof Error) || !err.stack) return '';
  const head = `${err.name}: ${err.message}`;
  const stack = err.stack.startsWith(head) ? err.stack.slice(head.length) : err.stack;
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 6)
    .join('\n');
}

function errorResult(err: unknown, action: () => string): { ok: false; error: ActionError } {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
  // PostgreSQL stopped or restarting, Chromium stopped under a print: passing; the person tries again.
  if (isDatabaseUnavailable(err)) {
    console.warn(`[action] ${action()}: base de données injoignable (${errorSummary(err)})`);
    return { ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE } };
  }
  if (isBrowserFailure(err)) {
    console.warn(`[action] ${action()}: Chromium s’est arrêté pendant un PDF (${errorSummary(err)})`);
    return { ok: false, error: { code: 'UNAVAILABLE', message: PRINTER_UNAVAILABLE } };
  }
  // Unexpected: logged on the server (the action, the error's class and code, where — never its
  // message, which may quote personal data), a generic French message for the browser.
  console.error(`[action] ${action()}: erreur inattendue (${errorSummary(err)})\n${framesOf(err)}`);
  return {
    ok: false,
    error: { code: 'UNEXPECTED', message: 'Une erreur inattendue est survenue. Réessayez dans un instant ; si elle persiste, contactez l’équipe technique.' },
  };
}

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  handler: (data: z.output<S>, actor: Actor) => Promise<T>,
  options: ActionOptions = {},
): Promise<ActionResult<T>> {
  // Where runAction was called from, for the log (the stack is only read when something fails).
  const where: { stack?: string } = {};
  Error.captureStackTrace(where, runAction);
  try {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error);
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'Certains champs sont à corriger : voyez les messages sous chacun d’eux.', fieldErrors },
      };
    }
    const actor = await getActor();
    if ((options.auth ?? 'user') === 'user' && !actor.user) {
      return {
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Votre session a expiré ou vous n’êtes pas connecté. Connectez-vous puis recommencez.' },
      };
    }
    const data = await handler(parsed.data, actor);
    // A signed-in person's action succeeded, whatever it wrote is committed: this process reads its
    // platform's shared answers again (every platform's, from the portal); the browser's « just
    // acted » cookie (lib/core/acted.ts) makes their next pages read the database in any process. A
    // refused or anonymous action lets go of nothing: a stranger cannot empty the shared answers.
    if (actor.user) sharedReadsChanged(actor.site?.id);
    return { ok: true, data };
  } catch (err) {
    return errorResult(err, () => options.name ?? callerName(where));
  }
}
