import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/core/guards';
import { conventionPage } from '@/lib/conventions/queries';
import { ConventionPanel } from '@/components/conventions/ConventionPanel';

export const metadata: Metadata = { title: 'Convention de stage' };

export default async function CollegeConventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const g = await requireUser(`/etablissement/conventions/${id}`);
  const page = await conventionPage(g.actor, id);
  if (!page) notFound();
  return <ConventionPanel page={page} back={<Link href="/etablissement/stages">‹ Stages des élèves</Link>} />;
}
