// The iCalendar feed of a platform's stages (lib/core/ics.ts builds it): times converted from
// Europe/Paris to UTC, one stable UID per stage.
import { prisma } from '../core/db.ts';
import { addDays, dayToDb, parisToUtc, type Day } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { buildCalendar, type IcsEvent } from '../core/ics.ts';
import { stageSlotSelect } from './queries.ts';

export type IcsStage = {
  id: string;
  date: Day;
  startMinutes: number;
  endMinutes: number;
  status: 'PUBLISHED' | 'CANCELLED';
  stageType: string;
  formation: string;
  teacher: string | null;
  place: string | null;
  description: string | null;
  capacity: number;
  enrolledCount: number;
  scheduleDetail: string | null;
  updatedAt: Date;
  cancelReason: string | null;
};

/** The platform's feed (METHOD:PUBLISH): one event per stage, UID stable per stage. */
export function buildIcs(input: { siteName: string; host: string; url: string; stages: IcsStage[]; now?: Date }): string {
  const events: IcsEvent[] = input.stages.map((s) => {
    const cancelled = s.status === 'CANCELLED';
    const left = Math.max(0, s.capacity - s.enrolledCount);
    const description = [
      s.stageType,
      s.scheduleDetail,
      s.teacher ? `Enseignant : ${s.teacher}` : null,
      cancelled ? `Annulé : ${s.cancelReason ?? ''}` : `${left} place${left > 1 ? 's' : ''} disponible${left > 1 ? 's' : ''} sur ${s.capacity}`,
      s.description,
      `${input.url}/stages/${s.id}`,
    ]
      .filter(Boolean)
      .join('\n');
    return {
      uid: `stage-${s.id}@${input.host}`,
      sequence: Math.floor(s.updatedAt.getTime() / 1000) % 2_000_000_000,
      lastModified: s.updatedAt,
      start: parisToUtc(s.date, s.startMinutes),
      end: parisToUtc(s.date, s.endMinutes),
      summary: `${cancelled ? 'ANNULÉ – ' : ''}Mini-stage ${s.formation}`,
      description,
      location: s.place,
      url: `${input.url}/stages/${s.id}`,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    };
  });
  return buildCalendar({ method: 'PUBLISH', events, now: input.now ?? clock.now(), name: `Mini-stages – ${input.siteName}` });
}

/** The feed's stages: from 60 days ago on, cancelled ones included (calendars then strike them). */
export async function icsStages(siteId: string, now = clock.now()): Promise<IcsStage[]> {
  const rows = await prisma.stage.findMany({
    where: { siteId, date: { gte: dayToDb(addDays(parisClock(now).day, -60)) } },
    orderBy: [{ date: 'asc' }, { startMinutes: 'asc' }],
    select: {
      ...stageSlotSelect,
      stageType: true,
      place: true,
      description: true,
      capacity: true,
      enrolledCount: true,
      scheduleDetail: true,
      updatedAt: true,
      cancelReason: true,
      teacher: { select: { firstName: true, lastName: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    date: dbDay(r.date),
    formation: `${r.formation.type} ${r.formation.name}`,
    teacher: r.teacher ? `${r.teacher.firstName} ${r.teacher.lastName}` : null,
  }));
}
