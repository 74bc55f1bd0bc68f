// A convention's page, on the platform (lycée) and on the portal (collège): its state, what is missing
// and where to fill it in, who signed when, the acts, and the document itself (the same rendering as the PDF).
import { Alert } from '@/components/ui/Alert';
import { ButtonLink } from '@/components/ui/Button';
import { DataTable } from '@/components/ui/DataTable';
import { ConventionDocument } from '@/components/conventions/ConventionDocument';
import { ConventionActions } from '@/components/conventions/ConventionActions';
import type { ConventionPage } from '@/lib/conventions/queries';
import { marksOfPage } from '@/lib/conventions/view';

export function ConventionPanel({ page, back }: { page: ConventionPage; back: React.ReactNode }) {
  const c = page.convention;
  const lycee = page.access.side === 'lycée';
  const open = c.status === 'READY' || c.status === 'PARTIAL';
  const missing = page.missing.length ? page.missing : c.status === 'DRAFT' ? page.missingForSigning : [];
  const file = `/api/conventions/${page.access.enrolmentId}`;
  return (
    <div className="stack">
      <p>{back}</p>
      <h1>Convention n° {c.number}</h1>
      <p>
        <strong>État : {page.label}</strong>
        {c.version > 0 ? ` — version ${c.version}` : null}
      </p>
      {c.status === 'CANCELLED' ? <Alert tone="warning">L’inscription est annulée : la convention aussi. Il n’y a plus rien à signer.</Alert> : null}
      {page.changed ? (
        <Alert tone="warning" title="Les informations ont changé depuis l’envoi">
          <p>
            Une nouvelle version sera envoyée aux parties à la prochaine signature (ou dans les dix minutes) ; les signatures de la version actuelle ne vaudront plus.
          </p>
        </Alert>
      ) : null}
      {missing.length && c.status !== 'CANCELLED' ? (
        <Alert tone="warning" title={page.missing.length ? 'À compléter avant d’imprimer' : 'À compléter avant l’envoi pour signature'}>
          <ul>
            {missing.map((m) => (
              <li key={m.what}>
                {m.what} — à compléter par le {m.by} : <a href={m.href}>{m.fixLabel}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="row">
        {!page.missing.length && c.status !== 'CANCELLED' ? (
          <ButtonLink href={file} small={false} download>
            {c.sealedSha256 ? 'Télécharger la convention signée (PDF)' : 'Télécharger le PDF'}
          </ButtonLink>
        ) : null}
        {page.source.attendance === 'PRESENT' ? (
          <ButtonLink href={`${file}?document=attestation`} variant="secondary" small={false} download>
            Attestation de présence (PDF)
          </ButtonLink>
        ) : null}
      </div>
      {page.access.mayManage ? (
        <ConventionActions
          enrolmentId={page.access.enrolmentId}
          canSend={c.status === 'DRAFT' && !c.receivedAt && !missing.length && page.source.status === 'CONFIRMED'}
          canResend={open}
          canReceive={lycee && (c.status === 'DRAFT' || open) && page.source.status === 'CONFIRMED' && !page.missing.length}
        />
      ) : null}
      {c.version > 0 ? (
        <section className="stack" aria-labelledby="signatures">
          <h2 id="signatures">Signatures</h2>
          <DataTable columns={['Partie', 'Nom', 'Signature']} caption="Signatures de la convention">
            {page.parties.map((p) => (
              <tr key={p.party}>
                <td>{p.role}</td>
                <td>{p.name}</td>
                <td>{p.signedBy ? `Signée par ${p.signedBy} le ${p.signedAt}` : c.receivedAt ? 'Sur papier' : 'En attente'}</td>
              </tr>
            ))}
          </DataTable>
          {c.sealedSha256 ? (
            <p>
              Exemplaire scellé par la plateforme. Code de vérification : <strong>{c.verifyCode}</strong> (page{' '}
              <a href={`${page.origins.site}/verification`}>Vérifier une convention</a>).
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-label="Aperçu de la convention" className="card">
        <ConventionDocument content={page.content} signatures={marksOfPage(page)} />
      </section>
    </div>
  );
}
