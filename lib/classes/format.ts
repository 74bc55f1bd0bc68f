// Display helpers (date-fns, French): a calendar day stored as a UTC date (@db.Date) and names.
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

/** A @db.Date (midnight UTC) as « 4 mai 2012 », whatever the server's time zone. */
export function formatDay(d: Date | null | undefined, pattern = 'd MMMM yyyy'): string {
  if (!d) return '';
  return format(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), pattern, { locale: fr });
}

/** « mercredi 12 mars 2027 à 9 h 00 » */
export function formatDateTime(d: Date): string {
  return format(d, "EEEE d MMMM yyyy 'à' H 'h' mm", { locale: fr });
}

export function pupilName(p: { firstName: string | null; lastName: string | null }): string {
  return [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(' ') || 'Élève anonymisé';
}

/** A moment as its calendar day: « 23 novembre 2026 ». */
export function formatDate(d: Date): string {
  return format(d, 'd MMMM yyyy', { locale: fr });
}

/**
 * A dynamic route segment: Next.js already decodes it; a second decode is only attempted for links
 * encoded twice, and never throws (a bare « % » made decodeURIComponent throw URIError → 500).
 */
export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
