// iCalendar (RFC 5545) building, pure: text escaped, lines folded at 75 octets, CRLF line ends,
// times in UTC. The platform's stage feed and the convocation's invitation both use it.
export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export type IcsEvent = {
  /** Stable across updates: a calendar replaces the event with the same UID and a higher SEQUENCE. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
  lastModified?: Date;
  /** For REQUEST / CANCEL: who sends it (the platform's address). */
  organizer?: { name: string; email: string } | null;
  attendees?: readonly { name: string; email: string }[];
};

/** Escapes a TEXT value: backslash, semicolon, comma and new lines. */
export function icsEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const enc = new TextEncoder();

/** Folds a content line at 75 octets (UTF-8 characters never split). */
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

/** 2026-12-07T08:00:00.000Z → 20261207T080000Z. */
const icsUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/** A parameter value (CN=…) without the characters RFC 5545 forbids there. */
const paramText = (s: string) => `"${s.replace(/["\r\n]/g, '')}"`;

function eventLines(e: IcsEvent, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    ...(e.lastModified ? [`LAST-MODIFIED:${icsUtc(e.lastModified)}`] : []),
    `SEQUENCE:${e.sequence}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${icsEscape(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${icsEscape(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${icsEscape(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    ...(e.organizer ? [`ORGANIZER;CN=${paramText(e.organizer.name)}:mailto:${e.organizer.email}`] : []),
    ...(e.attendees ?? []).map((a) => `ATTENDEE;CN=${paramText(a.name)};ROLE=REQ-PARTICIPANT:mailto:${a.email}`),
    `STATUS:${e.status}`,
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR with its events. */
export function buildCalendar(input: { method: IcsMethod; events: readonly IcsEvent[]; now: Date; name?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ministage//Mini-stages//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...(input.name ? [`X-WR-CALNAME:${icsEscape(input.name)}`, 'X-WR-TIMEZONE:Europe/Paris'] : []),
  ];
  for (const e of input.events) lines.push(...eventLines(e, input.now));
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
