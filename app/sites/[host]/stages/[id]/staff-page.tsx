// Shared by the staff-only pages of a stage (edit, duplicate, cancel): the platform, the person, the stage.
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getActor } from '@/lib/core/session';
import { can } from '@/lib/core/permissions';
import { AppError } from '@/lib/core/errors';
import { getStage } from '@/lib/stages/queries';

export async function loadForStaff(id: string, path: string) {
  const actor = await getActor();
  if (!actor.site) notFound();
  if (!actor.user) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  let stage;
  try {
    stage = await getStage(actor.site.id, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  return { actor, site: actor.site, stage, allowed: can(actor, 'stages:publish') };
}

export function StaffOnly({ title, stageId }: { title: string; stageId: string }) {
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>Seuls les enseignants et les administrateurs de la plateforme du lycée peuvent faire cela.</p>
      <p><Link href={`/stages/${stageId}`}>Retour au stage</Link></p>
    </div>
  );
}
