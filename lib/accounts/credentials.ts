// Sign-in check: throttled per account and per IP, same answer and similar time whether or not
// the account exists.
import { prisma } from '../core/db.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { RULES, clearThrottle, hit, isThrottled } from './throttle.ts';

export type SignInFailure = 'INVALID' | 'THROTTLED' | 'NOT_ACTIVATED' | 'PENDING_REVIEW' | 'DISABLED';
export type SignInResult =
  | { ok: true; user: { id: string; login: string; email: string | null; name: string; sessionVersion: number } }
  | { ok: false; reason: SignInFailure };

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  INVALID: 'Adresse email ou mot de passe incorrect. Vérifiez votre saisie.',
  THROTTLED: 'Trop de tentatives de connexion. Par sécurité, patientez 15 minutes avant de réessayer.',
  NOT_ACTIVATED:
    "Votre compte n'est pas encore activé. Cliquez sur le lien reçu par email, ou demandez un nouveau message d'activation.",
  PENDING_REVIEW:
    "Votre demande d'inscription est en cours d'examen par l'équipe technique. Vous recevrez un email dès qu'elle sera traitée.",
  DISABLED: 'Ce compte est désactivé. Contactez votre chef d’établissement ou l’équipe technique.',
};

export async function checkCredentials(input: { login: string; password: string; ip: string }): Promise<SignInResult> {
  const login = input.login.trim().toLowerCase();
  const accountKey = `login:account:${login}`;
  const ipKey = `login:ip:${input.ip}`;
  if ((await isThrottled(accountKey)) || (await isThrottled(ipKey))) return { ok: false, reason: 'THROTTLED' };

  const user = await prisma.user.findFirst({ where: { OR: [{ login }, { email: login }] } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await hit(accountKey, RULES.loginAccount);
    await hit(ipKey, RULES.loginIp);
    return { ok: false, reason: 'INVALID' };
  }
  // Only a person who knows the password learns the account's state.
  if (user.status === 'PENDING_ACTIVATION') return { ok: false, reason: 'NOT_ACTIVATED' };
  if (user.status === 'PENDING_REVIEW') return { ok: false, reason: 'PENDING_REVIEW' };
  if (user.status === 'DISABLED') return { ok: false, reason: 'DISABLED' };

  await clearThrottle(accountKey);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.login;
  return { ok: true, user: { id: user.id, login: user.login, email: user.email, name, sessionVersion: user.sessionVersion } };
}
