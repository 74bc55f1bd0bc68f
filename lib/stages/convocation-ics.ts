// The convocation's calendar invitation (.ics), one event per enrolment: built when a pupil is
// enrolled (REQUEST), again when the stage changes (REQUEST, higher SEQUENCE) and when the
// enrolment or the stage is cancelled (CANCEL, same UID). Pure: lib/core/ics.ts writes the text.
import { buildCalendar, type IcsMethod } from '../core/ics.ts';
import { env } from '../core/env.ts';
import { parisToUtc, type Day } from './time.ts';

export type ConvocationEvent = {
  enrolmentId: string;
  /** Enrolment.sequence: 0 for the first invitation, then one more per update or cancellation. */
  sequence: number;
  pupil: string;
  formation: string;
  platformName: string;
  date: Day;
  startMinutes: number;
  endMinutes: number;
  location: string | null;
  description: string | null;
  url: string;
};

/** Stable for the enrolment's whole life, whatever the platform's domain: calendars replace the event with it. */
const convocationUid = (enrolmentId: string) => `enrolment-${enrolmentId}@ministage`;

/** The address part of MAIL_FROM ("ministage <x@y>" → x@y). */
function organizer() {
  const m = /^(.*)<([^>]+)>\s*$/.exec(env.mailFrom);
  return m ? { name: m[1].trim().replace(/^"|"$/g, '') || env.appName, email: m[2].trim() } : { name: env.appName, email: env.mailFrom.trim() };
}

function convocationCalendar(e: ConvocationEvent, method: Extract<IcsMethod, 'REQUEST' | 'CANCEL'>, now: Date): string {
  const cancelled = method === 'CANCEL';
  return buildCalendar({
    method,
    now,
    events: [
      {
        uid: convocationUid(e.enrolmentId),
        sequence: e.sequence,
        lastModified: now,
        start: parisToUtc(e.date, e.startMinutes),
        end: parisToUtc(e.date, e.endMinutes),
        summary: `${cancelled ? 'ANNULÉ – ' : ''}Mini-stage ${e.formation} – ${e.pupil}`,
        description: [e.platformName, e.description, e.url].filter(Boolean).join('\n'),
        location: e.location,
        url: e.url,
        status: cancelled ? 'CANCELLED' : 'CONFIRMED',
        organizer: organizer(),
      },
    ],
  });
}

/** The email attachment of that invitation. */
export function convocationAttachment(e: ConvocationEvent, method: 'REQUEST' | 'CANCEL', now: Date) {
  return {
    filename: method === 'CANCEL' ? 'annulation-mini-stage.ics' : 'convocation-mini-stage.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: convocationCalendar(e, method, now),
  };
}
