import type { Metadata } from 'next';
import { Alert } from '@/components/ui/Alert';
import { requireSite } from '@/lib/core/guards';
import { requestOrigins, signatureView } from '@/lib/conventions/queries';
import { ConventionDocument } from '@/components/conventions/ConventionDocument';
import { SignForm } from '@/components/conventions/SignForm';

export const metadata: Metadata = { title: 'Signer la convention de stage', referrer: 'no-referrer', robots: { index: false } };

export default async function SignaturePage({ params }: { params: Promise<{ token: string }> }) {
  const { site } = await requireSite();
  const { token } = await params;
  const view = await signatureView(token, site.id, await requestOrigins(site.id));
  if (view.state !== 'valid')
    return (
      <div className="stack">
        <h1>{view.title}</h1>
        <Alert tone={view.done ? 'info' : 'error'}>{view.message}</Alert>
      </div>
    );
  return (
    <div className="stack">
      <h1>Signer la convention n° {view.number}</h1>
      <p>
        Lisez la convention ci-dessous (ou <a href={`/api/signature/${token}`}>ouvrez le PDF exact que vous signez</a>), puis signez en bas de la page.
      </p>
      <section aria-label="La convention" className="card">
        <ConventionDocument content={view.content} signatures={view.marks} />
      </section>
      <section aria-labelledby="signer" className="card stack">
        <h2 id="signer">Votre signature</h2>
        <SignForm token={token} as={view.as} number={view.number} />
      </section>
    </div>
  );
}
