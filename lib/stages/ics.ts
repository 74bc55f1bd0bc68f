// iCalendar (RFC 5545) feed of a platform's stages: times converted from Europe/Paris to UTC,
// one stable UID per stage, text escaped, lines folded at 75 octets, CRLF line ends.
import { prisma } from '../core/db.ts';
import { addDays, dayToDb, dbToDay, parisClock, parisToUtc, type Day } from './time.ts';
import * as clock from '../core/clock.ts';

export type IcsStage = {
  id: string; date: Day; startMinutes: number; endMinutes: number; status: 'PUBLISHED' | 'CANCELLED';
  stageType: string; formation: string; teacher: string | null; place: string | null; description: string | null;
  capacity: number; enrolledCount: number; scheduleDetail: string | null; updatedAt: Date; cancelReason: string | null;
};

/** Escapes a TEXT value: backslash, semicolon, comma and new lines. */
export function icsEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8 characters never split). */
const enc = new TextEncoder();

export function icsFold(line: string): string {
  if (line.length <= 75 && enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export function buildIcs(input: { siteName: string; host: string; url: string; stages: IcsStage[]; now?: Date }): string {
  const now = input.now ?? clock.now();
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ministage//Mini-stages//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(`Mini-stages – ${input.siteName}`)}`, 'X-WR-TIMEZONE:Europe/Paris',
  ];
  for (const s of input.stages) {
    const cancelled = s.status === 'CANCELLED';
    const left = Math.max(0, s.capacity - s.enrolledCount);
    const desc = [
      s.stageType, s.scheduleDetail, s.teacher ? `Enseignant : ${s.teacher}` : null,
      cancelled ? `Annulé : ${s.cancelReason ?? ''}` : `${left} place${left > 1 ? 's' : ''} disponible${left > 1 ? 's' : ''} sur ${s.capacity}`,
      s.description, `${input.url}/stages/${s.id}`,
    ].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:stage-${s.id}@${input.host}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(s.updatedAt)}`,
      `SEQUENCE:${Math.floor(s.updatedAt.getTime() / 1000) % 2_000_000_000}`,
      `DTSTART:${utcStamp(parisToUtc(s.date, s.startMinutes))}`,
      `DTEND:${utcStamp(parisToUtc(s.date, s.endMinutes))}`,
      `SUMMARY:${icsEscape(`${cancelled ? 'ANNULÉ – ' : ''}Mini-stage ${s.formation}`)}`,
      `DESCRIPTION:${icsEscape(desc)}`,
      ...(s.place ? [`LOCATION:${icsEscape(s.place)}`] : []),
      `URL:${input.url}/stages/${s.id}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}

/** The feed's stages: from 60 days ago on, cancelled ones included (calendars then strike them). */
export async function icsStages(siteId: string, now = clock.now()): Promise<IcsStage[]> {
  const rows = await prisma.stage.findMany({
    where: { siteId, date: { gte: dayToDb(addDays(parisClock(now).day, -60)) } },
    orderBy: [{ date: 'asc' }, { startMinutes: 'asc' }],
    select: {
      id: true, date: true, startMinutes: true, endMinutes: true, status: true, stageType: true, place: true, description: true,
      capacity: true, enrolledCount: true, scheduleDetail: true, updatedAt: true, cancelReason: true,
      formation: { select: { type: true, name: true } }, teacher: { select: { firstName: true, lastName: true } },
    },
  });
  return rows.map((r) => ({
    ...r, date: dbToDay(r.date), formation: `${r.formation.type} ${r.formation.name}`,
    teacher: r.teacher ? `${r.teacher.firstName} ${r.teacher.lastName}` : null,
  }));
}
