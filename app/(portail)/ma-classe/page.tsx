import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/ui/AccessDenied';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { GuardiansForm } from '@/components/classes/GuardiansForm';
import { JoinClassForm } from '@/components/classes/JoinClassForm';
import { joinClassAction, updateOwnGuardiansAction } from '@/lib/classes/pupil-actions';
import { classesOfTeacher, ownPupil } from '@/lib/classes/queries';
import { requireUser } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Ma classe' };

/** « Ma classe »: a professeur principal's class(es); a pupil's class, guardians and join code. */
export default async function MyClassPage() {
  await connection();
  const { actor } = await requireUser('/ma-classe');
  if (actor.member) {
    const classes = await classesOfTeacher(actor.member.membershipId);
    if (classes.length === 1) redirect(`/etablissement/classes/${classes[0].id}`);
    return (
      <div className="stack">
        <EstablishmentTabs actor={actor} member={actor.member} current="my-class" />
        <h1>Ma classe</h1>
        {classes.length > 0 ? (
          <ul>
            {classes.map((c) => (
              <li key={c.id}>
                <Link href={`/etablissement/classes/${c.id}`}>{c.name}</Link> ({c.level})
              </li>
            ))}
          </ul>
        ) : actor.member.role === 'MAIN_TEACHER' ? (
          <p>
            Aucune classe ne vous est encore attribuée comme professeur principal : votre chef d’établissement la choisit sur la page de la classe. Vous verrez alors ses
            élèves et pourrez les gérer. En attendant, <Link href="/etablissement/classes">la liste des classes</Link> reste accessible (sans leurs élèves).
          </p>
        ) : (
          <p>
            « Ma classe » sert aux professeurs principaux : vous n’êtes professeur principal d’aucune classe.{' '}
            <Link href="/etablissement/classes">Voir la liste des classes</Link>.
          </p>
        )}
      </div>
    );
  }
  if (!actor.pupil) return <AccessDenied what="aux professeurs principaux et aux élèves" />;
  const pupil = (await ownPupil(actor.pupil.id))!;
  return (
    <div className="stack">
      <h1>Ma classe</h1>
      {pupil.establishment ? (
        <p>
          {pupil.firstName} {pupil.lastName} — {pupil.establishment.name}
          {pupil.establishment.city ? ` (${pupil.establishment.city})` : ''},{' '}
          {pupil.classRoom ? (
            <>
              classe <strong>{pupil.classRoom.name}</strong>
            </>
          ) : (
            <strong>pas encore de classe</strong>
          )}
          .
        </p>
      ) : (
        <p>Votre compte n’est rattaché à aucun collège. Demandez le code de votre classe à votre professeur principal et saisissez-le ci-dessous.</p>
      )}
      {!pupil.classRoom ? (
        <section aria-labelledby="rejoindre" className="card">
          <h2 id="rejoindre" style={{ marginTop: 0 }}>
            Rejoindre ma classe
          </h2>
          <JoinClassForm action={joinClassAction} />
        </section>
      ) : null}
      <p>
        Vos mini-stages, avec leur convocation et leur convention : <Link href="/mes-stages">Mes stages</Link>.
      </p>
      <section aria-labelledby="responsables">
        <h2 id="responsables">Mes responsables légaux</h2>
        <p className="muted">Facultatif : ils recevront la convocation et signeront la convention de stage. Votre collège peut aussi les renseigner.</p>
        <GuardiansForm
          action={updateOwnGuardiansAction}
          initial={pupil.guardians.map((g) => ({ lastName: g.lastName, firstName: g.firstName, email: g.email ?? '', phone: g.phone ?? '' }))}
        />
      </section>
    </div>
  );
}
