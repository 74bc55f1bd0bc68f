// The operator's platform pages: signed in, platform:operate.
import { redirect } from 'next/navigation';
import { AccessDenied } from '@/components/accounts/AccessDenied';
import { can } from '@/lib/core/permissions';
import { getActor } from '@/lib/core/session';

export async function operatorOnly(path: string): Promise<{ denied: React.ReactNode | null }> {
  const actor = await getActor();
  if (!actor.user) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return { denied: can(actor, 'platform:operate') ? null : <AccessDenied what="à l’équipe technique de la plateforme" /> };
}
