// A platform's settings, contacts, formations and teachers (site:manage). Every write is scoped to
// the platform of the request's host: another platform's row is *not found*.
import type { z } from 'zod';
import { prisma } from '../core/db.ts';
import { conflict, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';
import type { contactSchema, formationSchema, siteOptionsSchema, teacherSchema } from './schema.ts';

const orNull = (v: string | undefined) => (v ? v : null);

export async function updateSiteOptions(siteId: string, input: z.output<typeof siteOptionsSchema>) {
  await prisma.site.update({
    where: { id: siteId },
    data: { name: input.name, logoUrl: orNull(input.logoUrl), conventionReturn: orNull(input.conventionReturn), conventionText: orNull(input.conventionText) },
  });
}

export async function saveContact(siteId: string, input: z.output<typeof contactSchema>) {
  const data = { name: input.name, role: input.role, email: orNull(input.email.toLowerCase()), phone: orNull(input.phone), position: input.position };
  if (!input.id) return prisma.contact.create({ data: { ...data, siteId }, select: { id: true } });
  const { count } = await prisma.contact.updateMany({ where: { id: input.id, siteId }, data });
  if (count !== 1) throw notFound('Contact');
  return { id: input.id };
}

export async function deleteContact(siteId: string, id: string) {
  const { count } = await prisma.contact.deleteMany({ where: { id, siteId } });
  if (count !== 1) throw notFound('Contact');
}

const FORMATION_EXISTS = 'Cette formation existe déjà sur la plateforme.';

export async function saveFormation(siteId: string, input: z.output<typeof formationSchema>) {
  const data = { type: input.type, name: input.name, active: input.active };
  try {
    if (!input.id) return await prisma.formation.create({ data: { ...data, siteId }, select: { id: true } });
    const { count } = await prisma.formation.updateMany({ where: { id: input.id, siteId }, data });
    if (count !== 1) throw notFound('Formation');
    return { id: input.id };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(FORMATION_EXISTS, { name: [FORMATION_EXISTS] });
    throw err;
  }
}

/** Deletes a formation that no stage uses; otherwise say to archive it. */
export async function deleteFormation(siteId: string, id: string) {
  try {
    const { count } = await prisma.formation.deleteMany({ where: { id, siteId } });
    if (count !== 1) throw notFound('Formation');
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict('Des stages utilisent cette formation : archivez-la plutôt (elle ne sera plus proposée).');
    throw err;
  }
}

const TEACHER_EXISTS = 'Cet enseignant est déjà dans la liste.';

export async function saveTeacher(siteId: string, input: z.output<typeof teacherSchema>) {
  const data = { firstName: input.firstName, lastName: input.lastName, email: orNull(input.email.toLowerCase()), active: input.active };
  try {
    if (!input.id) return await prisma.teacher.create({ data: { ...data, siteId }, select: { id: true } });
    const { count } = await prisma.teacher.updateMany({ where: { id: input.id, siteId }, data });
    if (count !== 1) throw notFound('Enseignant');
    return { id: input.id };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(TEACHER_EXISTS, { lastName: [TEACHER_EXISTS] });
    throw err;
  }
}

export async function deleteTeacher(siteId: string, id: string) {
  try {
    const { count } = await prisma.teacher.deleteMany({ where: { id, siteId } });
    if (count !== 1) throw notFound('Enseignant');
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict('Cet enseignant encadre des stages : archivez-le plutôt (il ne sera plus proposé).');
    throw err;
  }
}
