'use server';
// Public account actions (no session needed): registration, activation, passwords, identifier.
import { runAction } from '../core/action.ts';
import { requestOrigin } from '../core/session.ts';
import { activateWithPassword, resendActivation } from './activation.ts';
import { submitAccessRequest } from './identifier.ts';
import { changePassword, requestPasswordReset, resetPassword } from './passwords.ts';
import { registerEstablishment } from './registration.ts';
import { clientIp } from '../core/request.ts';
import {
  accessRequestSchema,
  activationSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  registrationSchema,
  resendActivationSchema,
  resetPasswordSchema,
} from './schema.ts';

export async function registerEstablishmentAction(input: unknown) {
  return runAction(registrationSchema, input, async (data) => registerEstablishment(data, { origin: await requestOrigin(), ip: await clientIp() }), {
    auth: 'public',
  });
}

export async function resendActivationAction(input: unknown) {
  return runAction(
    resendActivationSchema,
    input,
    async (data) => resendActivation({ identifier: data.identifier, origin: await requestOrigin(), ip: await clientIp() }),
    { auth: 'public' },
  );
}

export async function activateAccountAction(input: unknown) {
  return runAction(activationSchema, input, async (data) => activateWithPassword({ raw: data.token, password: data.password }), { auth: 'public' });
}

export async function requestPasswordResetAction(input: unknown) {
  return runAction(forgotPasswordSchema, input, async (data) => requestPasswordReset({ email: data.email, origin: await requestOrigin(), ip: await clientIp() }), {
    auth: 'public',
  });
}

export async function resetPasswordAction(input: unknown) {
  return runAction(resetPasswordSchema, input, async (data) => resetPassword({ token: data.token, password: data.password }), {
    auth: 'public',
  });
}

export async function submitAccessRequestAction(input: unknown) {
  return runAction(accessRequestSchema, input, async (data) => submitAccessRequest(data, { origin: await requestOrigin(), ip: await clientIp() }), {
    auth: 'public',
  });
}

/** « Mon compte »: any signed-in person changes their own password. */
export async function changePasswordAction(input: unknown) {
  return runAction(changePasswordSchema, input, async (data, actor) => {
    await changePassword({ userId: actor.user!.id, currentPassword: data.currentPassword, password: data.password });
    return { signedOut: true };
  });
}
