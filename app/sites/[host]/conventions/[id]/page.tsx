import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireSite } from '@/lib/core/guards';
import { conventionPage } from '@/lib/conventions/queries';
import { ConventionPanel } from '@/components/conventions/ConventionPanel';

export const metadata: Metadata = { title: 'Convention de stage' };

export default async function SiteConventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const g = await requireSite(['enrolments:view-site', 'conventions:view'], `/conventions/${id}`);
  if (!g.ok) return g.denied;
  const page = await conventionPage(g.actor, id);
  if (!page) notFound();
  return <ConventionPanel page={page} back={<Link href={`/stages/${page.source.stage.id}`}>‹ Fenêtre du stage</Link>} />;
}
