// The convention's one rendering: the preview page shows it, Puppeteer prints it (lib/conventions/pdf.ts).
// Inline style attributes only (allowed by the pages' CSP and self-contained for printing); no hooks.
import type { CSSProperties, ReactNode } from 'react';
import type { ConventionContent, PartyBlock } from '@/lib/conventions/content';

export type SignatureMark = { party: string; signerName: string; signedAt: string };

const S = {
  doc: { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '10.5pt', lineHeight: 1.4, color: '#111', maxWidth: '180mm', margin: '0 auto' },
  h1: { fontSize: '16pt', textAlign: 'center', margin: '0 0 2mm' },
  sub: { textAlign: 'center', margin: '0 0 6mm', color: '#333' },
  h2: { fontSize: '11.5pt', margin: '5mm 0 2mm', borderBottom: '1px solid #999', paddingBottom: '1mm' },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '4mm' },
  box: { border: '1px solid #bbb', borderRadius: '2mm', padding: '3mm', breakInside: 'avoid' },
  label: { fontWeight: 'bold', margin: '0 0 1mm' },
  p: { margin: '0 0 1.5mm' },
  article: { margin: '0 0 2.5mm', breakInside: 'avoid' },
  sigTable: { width: '100%', borderCollapse: 'collapse', breakInside: 'avoid' },
  cell: { border: '1px solid #999', padding: '2.5mm', verticalAlign: 'top', width: '50%', height: '24mm' },
} satisfies Record<string, CSSProperties>;

/** An empty value (only ever on the page's preview: the PDF is not printed while something is missing). */
function Todo({ value }: { value: string }) {
  return value ? <>{value}</> : <span style={{ color: '#b45309', fontStyle: 'italic' }}>à compléter</span>;
}

function Party({ title, party, children }: { title: string; party: PartyBlock; children?: ReactNode }) {
  return (
    <div style={S.box}>
      <p style={S.label}>{title}</p>
      <p style={S.p}>
        <strong>{party.name}</strong> (UAI {party.uai})
      </p>
      {party.addressLines.length ? (
        party.addressLines.map((l) => (
          <p style={S.p} key={l}>
            {l}
          </p>
        ))
      ) : (
        <p style={S.p}>
          Adresse : <Todo value="" />
        </p>
      )}
      <p style={S.p}>
        Représenté par <Todo value={party.head} />
      </p>
      {party.contact.length ? <p style={S.p}>{party.contact.join(' · ')}</p> : null}
      {children}
    </div>
  );
}

export function ConventionDocument({ content, signatures = [] }: { content: ConventionContent; signatures?: SignatureMark[] }) {
  const signed = new Map(signatures.map((s) => [s.party, s]));
  const c = content;
  return (
    <article style={S.doc} lang="fr">
      <h1 style={S.h1}>Convention de mini-stage</h1>
      <p style={S.sub}>
        Convention tripartite n° {c.number} — {c.platform.name}
      </p>

      <h2 style={S.h2}>Les parties</h2>
      <div style={S.grid}>
        <Party title="L’établissement d’accueil" party={c.host}>
          <p style={S.p}>
            Enseignant responsable du stage : <Todo value={c.host.teacher} />
          </p>
        </Party>
        <Party title="L’établissement d’origine" party={c.home}>
          <p style={S.p}>
            Assurance responsabilité civile : <Todo value={c.home.insurance} />
          </p>
        </Party>
        <div style={S.box}>
          <p style={S.label}>L’élève</p>
          <p style={S.p}>
            <strong>
              <Todo value={c.pupil.name} />
            </strong>
          </p>
          <p style={S.p}>
            Né(e) le <Todo value={c.pupil.birthDate} />
          </p>
          <p style={S.p}>
            Classe : <Todo value={c.pupil.classLabel} />
          </p>
        </div>
        <div style={S.box}>
          <p style={S.label}>{c.guardians.length > 1 ? 'Les responsables légaux' : 'Le responsable légal'}</p>
          {c.guardians.length ? null : (
            <p style={S.p}>
              <Todo value="" />
            </p>
          )}
          {c.guardians.map((g) => (
            <div key={g.party}>
              <p style={S.p}>
                <strong>{g.name}</strong>
              </p>
              {g.contact.length ? <p style={S.p}>{g.contact.join(' · ')}</p> : null}
            </div>
          ))}
        </div>
      </div>

      <h2 style={S.h2}>Le stage</h2>
      <p style={S.p}>
        {c.stage.stageType} en <strong>{c.stage.formation}</strong>
      </p>
      <p style={S.p}>
        Le <strong>{c.stage.date}</strong>, de <strong>{c.stage.hours}</strong>
      </p>
      {c.stage.scheduleDetail ? <p style={S.p}>Détail des horaires : {c.stage.scheduleDetail}</p> : null}
      <p style={S.p}>Lieu : {c.stage.placeLines.join(', ')}</p>

      <h2 style={S.h2}>Les articles</h2>
      {c.articles.map((a) => (
        <div style={S.article} key={a.title}>
          <p style={S.label}>{a.title}</p>
          <p style={S.p}>{a.text}</p>
        </div>
      ))}

      <h2 style={S.h2}>Signatures</h2>
      <table style={S.sigTable}>
        <tbody>
          {pairs(c.signers).map((row) => (
            <tr key={row.map((s) => s.party).join('-')}>
              {row.map((s) => {
                const mark = signed.get(s.party);
                return (
                  <td style={S.cell} key={s.party}>
                    <p style={S.label}>{s.role}</p>
                    <p style={S.p}>
                      <Todo value={s.name} />
                    </p>
                    {mark ? (
                      <p style={S.p}>
                        Signé électroniquement par <strong>{mark.signerName}</strong> le {mark.signedAt}
                      </p>
                    ) : (
                      <p style={{ ...S.p, color: '#666' }}>Date et signature :</p>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function pairs<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
