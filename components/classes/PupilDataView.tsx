// « Données de l'élève », readable and printable: every section of the export (lib/classes/pupil-data.ts),
// in French words. The JSON download holds the same, plus the convention's frozen content and each
// email's full text.
import type { ReactNode } from 'react';
import { DataTable } from '@/components/ui/DataTable';
import { actionLabel } from '@/lib/audit/labels';
import { formatDate, formatDateTime, formatHours } from '@/lib/core/format';
import type { PupilDataExport } from '@/lib/pupils/queries';
import cs from './classes.module.css';
import s from './PupilData.module.css';

const ENROLMENT: Record<string, string> = { CONFIRMED: 'Inscrit', WAITING: 'Liste d’attente', CANCELLED: 'Annulée' };
const ATTENDANCE: Record<string, string> = { PRESENT: 'Présent', ABSENT: 'Absent' };
const CONVENTION: Record<string, string> = {
  DRAFT: 'Non envoyée',
  READY: 'Envoyée pour signature',
  PARTIAL: 'Partiellement signée',
  SIGNED: 'Signée',
  CANCELLED: 'Annulée',
};
const PARTY: Record<string, string> = {
  HOME_SCHOOL: 'Établissement d’origine',
  HOST: 'Structure d’accueil',
  GUARDIAN_1: 'Responsable légal 1',
  GUARDIAN_2: 'Responsable légal 2',
};
const ACCOUNT: Record<string, string> = {
  PENDING_ACTIVATION: 'En attente d’activation',
  PENDING_REVIEW: 'En attente de vérification',
  ACTIVE: 'Actif',
  DISABLED: 'Désactivé',
};
const EMAIL: Record<string, string> = { PENDING: 'À envoyer', SENT: 'Envoyé', FAILED: 'Abandonné' };
const BY: Record<string, string> = { élève: 'L’élève', personnel: 'Un membre du personnel', plateforme: 'La plateforme' };
const TARGET: Record<string, string> = { Pupil: 'Fiche élève', User: 'Compte', Enrolment: 'Inscription', Convention: 'Convention' };

const label = (map: Record<string, string>, v: string | null | undefined) => (v ? (map[v] ?? v) : '—');
const when = (iso: string | null | undefined) => (iso ? formatDateTime(new Date(iso), { weekday: false }) : '—');
const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={s.section}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className={`card ${cs.details}`}>
      {rows.map(([k, v]) => (
        <div key={k} className={s.fact}>
          <dt>{k}</dt>
          <dd>{orDash(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PupilDataView({ data }: { data: PupilDataExport }) {
  const p = data.pupil;
  return (
    <div className="stack">
      <p className="muted">
        Tout ce que la plateforme conserve sur cet élève, le {when(data.exportedAt)}. Collège : {data.establishment.name} ({data.establishment.uai}).
      </p>

      <Section id="identite" title="Identité">
        <Facts
          rows={[
            ['Nom', p.lastName],
            ['Prénom', p.firstName],
            ['Date de naissance', p.birthDate ? formatDate(p.birthDate) : null],
            ['Niveau', p.level],
            ['Année scolaire', `${p.schoolYear}-${p.schoolYear + 1}`],
            [
              'Classe',
              data.classRoom
                ? `${data.classRoom.name} (${data.classRoom.level}, ${data.classRoom.schoolYear}-${data.classRoom.schoolYear + 1})`
                : (p.classLabel ?? 'Sans classe'),
            ],
            ['Fiche créée le', when(p.createdAt)],
            ['Dernière modification', when(p.updatedAt)],
            ['Identifiant technique', <code key="id">{p.id}</code>],
          ]}
        />
      </Section>

      <Section id="compte" title="Compte de l’élève">
        {data.account ? (
          <Facts
            rows={[
              ['Identifiant de connexion', data.account.login],
              ['Adresse email', data.account.email],
              ['Adresse vérifiée le', when(data.account.emailVerified)],
              ['État du compte', label(ACCOUNT, data.account.status)],
              ['Créé le', when(data.account.createdAt)],
              ['Dernière connexion', when(data.account.lastLoginAt)],
            ]}
          />
        ) : (
          <p>Pas de compte : l’élève a été inscrit par le collège.</p>
        )}
        <p className="muted">Le mot de passe n’est conservé que sous une forme chiffrée irréversible ; il ne figure pas ici.</p>
      </Section>

      <Section id="responsables" title="Responsables légaux">
        {data.guardians.length ? (
          <DataTable columns={['Rang', 'Nom', 'Prénom', 'Email', 'Téléphone', 'Saisi par']} caption="Responsables légaux">
            {data.guardians.map((g) => (
              <tr key={g.rank}>
                <td>{g.rank}</td>
                <td>{g.lastName}</td>
                <td>{g.firstName}</td>
                <td>{orDash(g.email)}</td>
                <td>{orDash(g.phone)}</td>
                <td>{g.enteredByPupil ? 'l’élève' : 'le collège'}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>Aucun responsable légal renseigné.</p>
        )}
      </Section>

      <Section id="stages" title="Inscriptions aux mini-stages">
        {data.enrolments.length ? (
          <DataTable columns={['Stage', 'Lycée', 'Inscription', 'Présence', 'Convocation envoyée']} caption="Inscriptions aux mini-stages">
            {data.enrolments.map((e) => (
              <tr key={e.id}>
                <td>
                  {formatDate(e.stage.date)}, {formatHours(e.stage.startMinutes, e.stage.endMinutes)}
                  <br />
                  {e.stage.type} — {e.stage.formation}
                  {e.stage.status === 'CANCELLED' ? ' (stage annulé)' : ''}
                </td>
                <td>
                  {e.stage.lycee}
                  <br />
                  <span className="muted">{e.stage.platform}</span>
                </td>
                <td>
                  {label(ENROLMENT, e.status)}, le {when(e.createdAt)}
                  {e.cancelledAt ? `, annulée le ${when(e.cancelledAt)}` : ''}
                </td>
                <td>{e.attendance ? `${label(ATTENDANCE, e.attendance)} (${when(e.attendanceAt)})` : '—'}</td>
                <td>{when(e.convocationSentAt)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>Aucune inscription.</p>
        )}
      </Section>

      <Section id="conventions" title="Conventions de stage">
        {data.conventions.length ? (
          data.conventions.map((c) => (
            <div key={c.id} className={`card ${s.convention}`}>
              <h3>Convention n° {c.number}</h3>
              <Facts
                rows={[
                  ['État', label(CONVENTION, c.status)],
                  ['Version', c.version ? String(c.version) : 'jamais envoyée'],
                  ['Envoyée pour signature', when(c.sentAt)],
                  ['Signée par toutes les parties', when(c.signedAt)],
                  ['Reçue signée (papier)', when(c.receivedAt)],
                  ['Annulée', when(c.cancelledAt)],
                  ['Contenu figé', c.snapshot ? 'conservé (détaillé dans le fichier JSON)' : '—'],
                  ['PDF envoyé pour signature', c.pdf ? `conservé (${Math.ceil(c.pdf.bytes / 1024)} Ko)` : '—'],
                  ['PDF signé et scellé', c.sealedPdf ? `conservé (${Math.ceil(c.sealedPdf.bytes / 1024)} Ko)` : '—'],
                ]}
              />
              {c.signatures.length ? (
                <DataTable
                  columns={['Partie', 'Signataire', 'Signé le', 'Adresse', 'Adresse IP', 'Navigateur', 'Version']}
                  caption={`Signatures de la convention n° ${c.number}`}
                >
                  {c.signatures.map((sig) => (
                    <tr key={`${sig.party}-${sig.version}`}>
                      <td>{label(PARTY, sig.party)}</td>
                      <td>{sig.signerName}</td>
                      <td>{when(sig.signedAt)}</td>
                      <td>{orDash(sig.signerEmail)}</td>
                      <td>{orDash(sig.ip)}</td>
                      <td className={s.small}>{orDash(sig.userAgent)}</td>
                      <td>
                        {sig.version}
                        {sig.voidedAt ? ` (annulée le ${when(sig.voidedAt)})` : ''}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              ) : (
                <p>Aucune signature.</p>
              )}
            </div>
          ))
        ) : (
          <p>Aucune convention.</p>
        )}
        <p className="muted">L’adresse, l’adresse IP et le navigateur des signataires des établissements ne sont pas des données de l’élève : ils ne figurent pas ici.</p>
      </Section>

      <Section id="liens" title="Liens de signature envoyés aux responsables">
        {data.emailLinks.length ? (
          <DataTable columns={['Partie', 'Envoyé à', 'Le', 'Valable jusqu’au', 'Utilisé', 'Révoqué']} caption="Liens de signature">
            {data.emailLinks.map((l) => (
              <tr key={l.id}>
                <td>{label(PARTY, l.party)}</td>
                <td>{orDash(l.recipient)}</td>
                <td>{when(l.createdAt)}</td>
                <td>{when(l.expiresAt)}</td>
                <td>{when(l.usedAt)}</td>
                <td>{when(l.revokedAt)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>Aucun lien.</p>
        )}
      </Section>

      <Section id="emails" title="Emails conservés">
        <p className="muted">
          Les emails envoyés à l’élève ou à ses responsables sont effacés quelques semaines après leur envoi ; voici ceux qui sont encore conservés.
        </p>
        {data.outboxEmails.length ? (
          <DataTable columns={['Date', 'Destinataire', 'Objet', 'État']} caption="Emails conservés">
            {data.outboxEmails.map((e) => (
              <tr key={e.id}>
                <td>{when(e.createdAt)}</td>
                <td>{e.to}</td>
                <td>
                  <details>
                    <summary>{e.subject}</summary>
                    <pre className={s.text}>{e.text}</pre>
                  </details>
                </td>
                <td>
                  {label(EMAIL, e.status)}
                  {e.sentAt ? ` le ${when(e.sentAt)}` : ''}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>Aucun email conservé.</p>
        )}
      </Section>

      <Section id="journal" title="Journal des actions">
        {data.auditEntries.length ? (
          <DataTable columns={['Date', 'Action', 'Par', 'Sur']} caption="Journal des actions">
            {data.auditEntries.map((a) => (
              <tr key={a.id}>
                <td>{when(a.at)}</td>
                <td>{actionLabel(a.action)}</td>
                <td>{label(BY, a.by)}</td>
                <td>{label(TARGET, a.targetType)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>Aucune entrée.</p>
        )}
      </Section>
    </div>
  );
}
