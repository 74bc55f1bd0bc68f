// « Informations de l'Établissement »: a collège corrects what conventions print about it (head,
// public contact, insurance, address). Scoped to the person's own establishment (actor.member).
import type { z } from 'zod';
import { prisma } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import type { establishmentInfoSchema } from './schema.ts';
import { recordAudit } from '../audit/service.ts';
import { can } from '../core/permissions.ts';
import type { Actor } from '../core/actor.ts';

/** What « Informations de l'Établissement » holds (also what conventions print: lib/conventions/content.ts). */
export const establishmentInfoSelect = {
  id: true,
  uai: true,
  name: true,
  headName: true,
  headTitle: true,
  publicEmail: true,
  publicPhone: true,
  insurer: true,
  insurancePolicy: true,
  address1: true,
  address2: true,
  postalCode: true,
  city: true,
} as const;

/**
 * Whose « Informations de l'Établissement » this person edits here: on a platform, its administrators
 * edit their lycée's; a collège's head, deputy or secretariat, their collège's; anyone else, none.
 */
export function infoEstablishmentOf(actor: Actor): string | null {
  if (actor.site && can(actor, 'site:manage')) return actor.site.establishmentId;
  if (actor.member && can(actor, 'establishment:edit-info')) return actor.member.establishmentId;
  return null;
}

export async function getEstablishmentInfo(establishmentId: string) {
  const e = await prisma.establishment.findUnique({ where: { id: establishmentId }, select: establishmentInfoSelect });
  if (!e) throw notFound('Établissement');
  return e;
}

export async function updateEstablishmentInfo(input: { establishmentId: string; userId: string; info: z.output<typeof establishmentInfoSchema> }) {
  const data = Object.fromEntries(Object.entries(input.info).map(([k, v]) => [k, v ? v : null])) as Record<keyof typeof input.info, string | null>;
  if (data.publicEmail) data.publicEmail = data.publicEmail.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.establishment.updateMany({ where: { id: input.establishmentId }, data });
    if (count !== 1) throw notFound('Établissement');
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'establishment.edit-info',
      establishmentId: input.establishmentId,
      targetType: 'Establishment',
      targetId: input.establishmentId,
      data,
    });
  });
}
