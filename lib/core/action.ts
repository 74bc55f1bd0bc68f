// The shape of every server action: parse (zod) → who (session) → where (host) → may (the
// handler calls assertCan) → do. Returns a result object; never throws to the browser.
import 'server-only';
import { z } from 'zod';
import { AppError, type FieldErrors } from './errors.ts';
import { getActor, type Actor } from './session.ts';
import type { ActionError, ActionResult } from './action-types.ts';

export type { ActionResult } from './action-types.ts';

export type ActionOptions = {
  /** 'user' (default): a signed-in, active account is required. 'public': anyone. */
  auth?: 'user' | 'public';
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

function errorResult(err: unknown): { ok: false; error: ActionError } {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
  // Unexpected: logged on the server, a generic French message for the browser.
  console.error('[action] unexpected error', err);
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
    return { ok: true, data: await handler(parsed.data, actor) };
  } catch (err) {
    return errorResult(err);
  }
}
