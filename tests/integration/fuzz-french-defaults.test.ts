// Found by fuzzing (issue 14): a check without its own message answered in zod's English — a body
// that is not an object (« Invalid input: expected object, received array »), a hidden id's
// `.max(40)` (« Too big: expected string to have <=40 characters »), a field of the wrong type.
// lib/core/zod-fr.ts gives those defaults in French; the server loads it with runAction
// (lib/core/action.ts), the browser with components/ui/form.ts. This file does not import it
// itself: it fails if the server stops loading it.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { notFrench } from '../helpers/fuzz/french';
import { resendActivationAction, resetPasswordAction } from '@/lib/accounts/actions';
import { declineAccessRequestAction } from '@/lib/accounts/admin-actions';

useTestDb();
beforeEach(() => actAs(null, 'localhost'));

const messagesOf = (out: unknown) => {
  const r = out as { ok: boolean; error?: { message: string; fieldErrors?: Record<string, string[]> } };
  expect(r.ok).toBe(false);
  return [r.error!.message, ...Object.values(r.error!.fieldErrors ?? {}).flat()];
};

it.each([
  ['an array instead of the form', () => resendActivationAction([{}, {}])],
  ['a number instead of the form', () => resendActivationAction(42)],
  ['a number instead of a text', () => resendActivationAction({ identifier: 7 })],
  ['a token too long (.max(200) without message)', () => resetPasswordAction({ token: 'a'.repeat(201), password: 'x', passwordConfirm: 'x' })],
  ['an id too long (.max(64) without message)', () => declineAccessRequestAction({ requestId: 'c'.repeat(65) })],
])('%s → every message French', async (_what, call) => {
  for (const m of messagesOf(await call())) expect([m, notFrench(m)]).toEqual([m, null]);
});
