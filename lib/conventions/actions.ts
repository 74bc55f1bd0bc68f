'use server';
// Convention actions: parse (zod) → who (session) → where (host) → may (permission table and
// lib/conventions/access.ts) → do (service). The signature and verification pages are public (the
// guardians have no account): a link or a code decides, and each client address is counted.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { AppError, forbidden, notFound } from '../core/errors.ts';
import { assertCan } from '../core/permissions.ts';
import { RULES, take, takeClient } from '../core/throttle.ts';
import { clientIp, userAgent } from '../core/request.ts';
import type { Actor } from '../core/actor.ts';
import { siteOf } from '../sites/guard.ts';
import { conventionActSchema, signSchema, verifySchema } from './schema.ts';
import { conventionAccess } from './access.ts';
import { requestOrigins } from './origins.ts';
import { markReceived, resendLinks, sendForSignature, signConvention, verifyConvention } from './service.ts';

const refresh = () => revalidatePath('/', 'layout');

const MANAGE_WHO =
  'Seuls le lycée d’accueil et, au collège, la direction, le secrétariat, la vie scolaire et le professeur principal de l’élève envoient la convention pour signature.';

async function managed(actor: Actor, enrolmentId: string) {
  assertCan(actor, 'conventions:send');
  const access = await conventionAccess(actor, enrolmentId);
  if (!access) throw notFound('Convention');
  if (!access.mayManage) throw forbidden(MANAGE_WHO);
  if (!(await take(`conventions:account:${actor.user!.id}`, RULES.conventionActs)))
    throw new AppError('RATE_LIMITED', 'Beaucoup d’envois de conventions en peu de temps : patientez une heure avant de continuer.');
  return access;
}

export async function sendForSignatureAction(input: unknown) {
  return runAction(conventionActSchema, input, async (data, actor) => {
    const access = await managed(actor, data.enrolmentId);
    const result = await sendForSignature({
      enrolmentId: access.enrolmentId,
      siteId: access.siteId,
      by: { actorId: actor.user!.id },
      origins: await requestOrigins(access.siteId),
    });
    refresh();
    return { emails: result.emails };
  });
}

export async function resendLinksAction(input: unknown) {
  return runAction(conventionActSchema, input, async (data, actor) => {
    const access = await managed(actor, data.enrolmentId);
    const result = await resendLinks({
      enrolmentId: access.enrolmentId,
      siteId: access.siteId,
      by: { actorId: actor.user!.id },
      origins: await requestOrigins(access.siteId),
    });
    refresh();
    return result;
  });
}

export async function markReceivedAction(input: unknown) {
  return runAction(conventionActSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'conventions:receive');
    const access = await conventionAccess(actor, data.enrolmentId);
    if (!access || access.side !== 'lycée' || access.siteId !== site.id) throw notFound('Convention');
    await markReceived({ enrolmentId: access.enrolmentId, siteId: site.id, by: { actorId: actor.user!.id }, origins: await requestOrigins(site.id) });
    refresh();
    return { received: true };
  });
}

async function countClient(scope: string) {
  if (!(await takeClient(scope, await clientIp(), RULES.conventionClient)))
    throw new AppError('RATE_LIMITED', 'Beaucoup de demandes depuis cette connexion : patientez un quart d’heure avant de réessayer.');
}

export async function signConventionAction(input: unknown) {
  return runAction(
    signSchema,
    input,
    async (data, actor) => {
      const site = siteOf(actor);
      await countClient('conventions:sign');
      const result = await signConvention({
        raw: data.token,
        siteId: site.id,
        signerName: data.signerName,
        ip: await clientIp(),
        userAgent: await userAgent(),
        origins: await requestOrigins(site.id),
      });
      return result;
    },
    { auth: 'public' },
  );
}

export async function verifyConventionAction(input: unknown) {
  return runAction(
    verifySchema,
    input,
    async (data, actor) => {
      const site = siteOf(actor);
      await countClient('conventions:verify');
      return verifyConvention({ siteId: site.id, code: data.code || undefined, sha256: data.sha256 });
    },
    { auth: 'public' },
  );
}
