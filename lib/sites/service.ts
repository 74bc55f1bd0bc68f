// A platform's settings, contacts, formations and teachers (site:manage). Every write is scoped to
// the platform of the request's host: another platform's row is *not found*. Every change writes its
// AuditEntry (who, what, which platform) in the transaction of the change.
import type { z } from 'zod';
import { prisma } from '../core/db.ts';
import { sitesChanged } from '../core/site-cache.ts';
import { conflict, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { contactSchema, formationSchema, siteOptionsSchema, teacherSchema } from './schema.ts';

/** The platform acted on (from the request's host) and the person acting. */
export type SiteScope = { siteId: string; actorId: string };

const orNull = (v: string | undefined) => (v ? v : null);

export async function updateSiteOptions(scope: SiteScope, input: z.output<typeof siteOptionsSchema>) {
  const data = { name: input.name, logoUrl: orNull(input.logoUrl), conventionReturn: orNull(input.conventionReturn), conventionText: orNull(input.conventionText) };
  await prisma.$transaction(async (tx) => {
    await tx.site.update({ where: { id: scope.siteId }, data });
    await recordAudit(tx, { actorId: scope.actorId, action: 'site.edit-options', siteId: scope.siteId, targetType: 'Site', targetId: scope.siteId, data });
  });
  sitesChanged(); // the header's name and logo
}

export async function saveContact(scope: SiteScope, input: z.output<typeof contactSchema>) {
  const { siteId, actorId } = scope;
  const data = { name: input.name, role: input.role, email: orNull(input.email.toLowerCase()), phone: orNull(input.phone), position: input.position };
  return prisma.$transaction(async (tx) => {
    let id = input.id;
    if (!id) id = (await tx.contact.create({ data: { ...data, siteId }, select: { id: true } })).id;
    else if ((await tx.contact.updateMany({ where: { id, siteId }, data })).count !== 1) throw notFound('Contact');
    await recordAudit(tx, {
      actorId,
      action: input.id ? 'contact.update' : 'contact.create',
      siteId,
      targetType: 'Contact',
      targetId: id,
      data: { name: data.name, role: data.role },
    });
    return { id };
  });
}

export async function deleteContact(scope: SiteScope, id: string) {
  const { siteId, actorId } = scope;
  await prisma.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id, siteId }, select: { name: true, role: true } });
    if (!contact || (await tx.contact.deleteMany({ where: { id, siteId } })).count !== 1) throw notFound('Contact');
    await recordAudit(tx, { actorId, action: 'contact.delete', siteId, targetType: 'Contact', targetId: id, data: contact });
  });
}

const FORMATION_EXISTS = 'Cette formation existe déjà sur la plateforme.';

export async function saveFormation(scope: SiteScope, input: z.output<typeof formationSchema>) {
  const { siteId, actorId } = scope;
  const data = { type: input.type, name: input.name, active: input.active };
  try {
    return await prisma.$transaction(async (tx) => {
      let id = input.id;
      if (!id) id = (await tx.formation.create({ data: { ...data, siteId }, select: { id: true } })).id;
      else if ((await tx.formation.updateMany({ where: { id, siteId }, data })).count !== 1) throw notFound('Formation');
      await recordAudit(tx, { actorId, action: input.id ? 'formation.update' : 'formation.create', siteId, targetType: 'Formation', targetId: id, data });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(FORMATION_EXISTS, { name: [FORMATION_EXISTS] });
    throw err;
  }
}

/** Deletes a formation that no stage uses; otherwise say to archive it. */
export async function deleteFormation(scope: SiteScope, id: string) {
  const { siteId, actorId } = scope;
  try {
    await prisma.$transaction(async (tx) => {
      const formation = await tx.formation.findFirst({ where: { id, siteId }, select: { type: true, name: true } });
      if (!formation || (await tx.formation.deleteMany({ where: { id, siteId } })).count !== 1) throw notFound('Formation');
      await recordAudit(tx, { actorId, action: 'formation.delete', siteId, targetType: 'Formation', targetId: id, data: formation });
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict('Des stages utilisent cette formation : archivez-la plutôt (elle ne sera plus proposée).');
    throw err;
  }
}

const TEACHER_EXISTS = 'Cet enseignant est déjà dans la liste.';

export async function saveTeacher(scope: SiteScope, input: z.output<typeof teacherSchema>) {
  const { siteId, actorId } = scope;
  const data = { firstName: input.firstName, lastName: input.lastName, email: orNull(input.email.toLowerCase()), active: input.active };
  try {
    return await prisma.$transaction(async (tx) => {
      let id = input.id;
      if (!id) id = (await tx.teacher.create({ data: { ...data, siteId }, select: { id: true } })).id;
      else if ((await tx.teacher.updateMany({ where: { id, siteId }, data })).count !== 1) throw notFound('Enseignant');
      const what = { firstName: data.firstName, lastName: data.lastName, active: data.active };
      await recordAudit(tx, { actorId, action: input.id ? 'teacher.update' : 'teacher.create', siteId, targetType: 'Teacher', targetId: id, data: what });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(TEACHER_EXISTS, { lastName: [TEACHER_EXISTS] });
    throw err;
  }
}

export async function deleteTeacher(scope: SiteScope, id: string) {
  const { siteId, actorId } = scope;
  try {
    await prisma.$transaction(async (tx) => {
      const teacher = await tx.teacher.findFirst({ where: { id, siteId }, select: { firstName: true, lastName: true } });
      if (!teacher || (await tx.teacher.deleteMany({ where: { id, siteId } })).count !== 1) throw notFound('Enseignant');
      await recordAudit(tx, { actorId, action: 'teacher.delete', siteId, targetType: 'Teacher', targetId: id, data: teacher });
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict('Cet enseignant encadre des stages : archivez-le plutôt (il ne sera plus proposé).');
    throw err;
  }
}
