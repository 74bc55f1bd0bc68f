import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { AssignTeachersForm } from '@/components/classes/AssignTeachersForm';
import { ClassRowActions } from '@/components/classes/ClassRowActions';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { JoinCodePanel } from '@/components/classes/JoinCodePanel';
import { PupilMoveTable } from '@/components/classes/PupilMoveTable';
import { assignTeachersAction, deleteClassAction, movePupilsAction, regenerateJoinCodeAction, updateClassAction } from '@/lib/classes/actions';
import { pupilAccess, pupilReachOf } from '@/lib/classes/access';
import { classOptions, getClassDetail } from '@/lib/classes/queries';
import { dbDay, formatNumericDate, listName, schoolYearLabel } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';
import { requestOrigin } from '@/lib/core/session';
import { mainTeachers } from '@/lib/team/queries';

type Params = { params: Promise<{ id: string }> };

/** The guard and the class, read once per request (the title and the page both need them). */
const classPage = cache(async (id: string) => {
  const g = await requireMember('team:view', `/etablissement/classes/${id}`);
  return { g, room: g.ok ? await getClassDetail(g.member.establishmentId, id, pupilReachOf(g.actor, 'view')) : null };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { room } = await classPage((await params).id);
  return { title: room ? `Classe ${room.name}` : 'Classe' };
}

export default async function ClassPage({ params }: Params) {
  await connection();
  const { g, room } = await classPage((await params).id);
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  if (!room) notFound(); // another collège's class: not found
  const canAssign = can(actor, 'classes:assign-teachers');
  // Moving needs a reach that covers this class: the whole collège, or its PP (whose pupils are listed).
  const manage = pupilAccess(actor).manage;
  const canMove = room.pupils !== null && (manage === 'all' || (manage === 'own-class' && room.teachers.some((t) => t.membershipId === member.membershipId)));
  const [classes, teachers, origin] = await Promise.all([
    canMove ? classOptions(member.establishmentId) : [],
    canAssign ? mainTeachers(member.establishmentId) : [],
    requestOrigin(),
  ]);
  return (
    <div className="stack">
      <EstablishmentTabs
        actor={actor}
        member={member}
        current={member.role === 'MAIN_TEACHER' && room.teachers.some((t) => t.membershipId === member.membershipId) ? 'my-class' : 'classes'}
      />
      <p>
        <Link href="/etablissement/classes">← Toutes les classes</Link>
      </p>
      <h1>Classe {room.name}</h1>
      <p>
        Filière / niveau : <strong>{room.level}</strong> · Année scolaire {schoolYearLabel(room.schoolYear)} · {room.pupilCount} élève{room.pupilCount > 1 ? 's' : ''}
        <br />
        Professeur(s) principal(aux) : {room.teachers.length ? room.teachers.map((t) => t.name).join(', ') : <span className="muted">aucun pour l’instant</span>}
      </p>
      <ClassRowActions
        classRoom={{ id: room.id, name: room.name, level: room.level, pupils: room.pupilCount }}
        updateAction={updateClassAction}
        deleteAction={deleteClassAction}
        redirectAfterDelete="/etablissement/classes"
      />
      <section aria-labelledby="eleves">
        <h2 id="eleves">Élèves de la classe</h2>
        {room.pupils === null ? (
          <p className="muted">
            Les élèves de cette classe sont visibles de ses professeurs principaux, de la direction, du secrétariat, de la vie scolaire et du psychologue de l’Éducation
            nationale.
          </p>
        ) : (
          <PupilMoveTable
            pupils={room.pupils.map((p) => ({
              id: p.id,
              name: listName(p, 'Élève anonymisé'),
              birth: p.birthDate ? formatNumericDate(dbDay(p.birthDate)) : '',
              login: canMove ? p.login : null,
            }))}
            classes={canMove ? classes.map((c) => ({ id: c.id, name: c.name })) : []}
            currentClassId={room.id}
            action={canMove ? movePupilsAction : undefined}
          />
        )}
      </section>
      <JoinCodePanel classRoomId={room.id} className={room.name} joinCode={room.joinCode} origin={origin} regenerateAction={regenerateJoinCodeAction} />
      {canAssign ? (
        <section aria-labelledby="pp">
          <h2 id="pp">Professeurs principaux</h2>
          <AssignTeachersForm classRoomId={room.id} teachers={teachers} assigned={room.teachers.map((t) => t.membershipId)} action={assignTeachersAction} />
        </section>
      ) : null}
    </div>
  );
}
