// The académies (rectorats): name as the annuaire's Libelle_academie writes it, official mail
// domain, school-holiday zone and départements (3-character codes as in Code_departement).
import type { Tx } from '../core/db.ts';
import { departmentOfUai, normalizeUai } from './uai.ts';

export type HolidayZone = 'A' | 'B' | 'C';

export type AcademyInfo = {
  code: string; // slug, Academy.code
  name: string;
  emailDomain: string;
  holidayZone: HolidayZone | null; // null: Corse and overseas set their own calendars
  departments: readonly string[];
};

const deps = (...codes: string[]) => codes.map((c) => (c.length === 2 ? `0${c}` : c));

export const ACADEMIES: readonly AcademyInfo[] = [
  { code: 'aix-marseille', name: 'Aix-Marseille', emailDomain: 'ac-aix-marseille.fr', holidayZone: 'B', departments: deps('04', '05', '13', '84') },
  { code: 'amiens', name: 'Amiens', emailDomain: 'ac-amiens.fr', holidayZone: 'B', departments: deps('02', '60', '80') },
  { code: 'besancon', name: 'Besançon', emailDomain: 'ac-besancon.fr', holidayZone: 'A', departments: deps('25', '39', '70', '90') },
  { code: 'bordeaux', name: 'Bordeaux', emailDomain: 'ac-bordeaux.fr', holidayZone: 'A', departments: deps('24', '33', '40', '47', '64') },
  { code: 'clermont-ferrand', name: 'Clermont-Ferrand', emailDomain: 'ac-clermont.fr', holidayZone: 'A', departments: deps('03', '15', '43', '63') },
  { code: 'corse', name: 'Corse', emailDomain: 'ac-corse.fr', holidayZone: null, departments: ['02A', '02B'] },
  { code: 'creteil', name: 'Créteil', emailDomain: 'ac-creteil.fr', holidayZone: 'C', departments: deps('77', '93', '94') },
  { code: 'dijon', name: 'Dijon', emailDomain: 'ac-dijon.fr', holidayZone: 'A', departments: deps('21', '58', '71', '89') },
  { code: 'grenoble', name: 'Grenoble', emailDomain: 'ac-grenoble.fr', holidayZone: 'A', departments: deps('07', '26', '38', '73', '74') },
  { code: 'lille', name: 'Lille', emailDomain: 'ac-lille.fr', holidayZone: 'B', departments: deps('59', '62') },
  { code: 'limoges', name: 'Limoges', emailDomain: 'ac-limoges.fr', holidayZone: 'A', departments: deps('19', '23', '87') },
  { code: 'lyon', name: 'Lyon', emailDomain: 'ac-lyon.fr', holidayZone: 'A', departments: deps('01', '42', '69') },
  { code: 'montpellier', name: 'Montpellier', emailDomain: 'ac-montpellier.fr', holidayZone: 'C', departments: deps('11', '30', '34', '48', '66') },
  { code: 'nancy-metz', name: 'Nancy-Metz', emailDomain: 'ac-nancy-metz.fr', holidayZone: 'B', departments: deps('54', '55', '57', '88') },
  { code: 'nantes', name: 'Nantes', emailDomain: 'ac-nantes.fr', holidayZone: 'B', departments: deps('44', '49', '53', '72', '85') },
  { code: 'nice', name: 'Nice', emailDomain: 'ac-nice.fr', holidayZone: 'B', departments: deps('06', '83') },
  { code: 'normandie', name: 'Normandie', emailDomain: 'ac-normandie.fr', holidayZone: 'B', departments: deps('14', '27', '50', '61', '76') },
  { code: 'orleans-tours', name: 'Orléans-Tours', emailDomain: 'ac-orleans-tours.fr', holidayZone: 'B', departments: deps('18', '28', '36', '37', '41', '45') },
  { code: 'paris', name: 'Paris', emailDomain: 'ac-paris.fr', holidayZone: 'C', departments: deps('75') },
  { code: 'poitiers', name: 'Poitiers', emailDomain: 'ac-poitiers.fr', holidayZone: 'A', departments: deps('16', '17', '79', '86') },
  { code: 'reims', name: 'Reims', emailDomain: 'ac-reims.fr', holidayZone: 'B', departments: deps('08', '10', '51', '52') },
  { code: 'rennes', name: 'Rennes', emailDomain: 'ac-rennes.fr', holidayZone: 'B', departments: deps('22', '29', '35', '56') },
  { code: 'strasbourg', name: 'Strasbourg', emailDomain: 'ac-strasbourg.fr', holidayZone: 'B', departments: deps('67', '68') },
  { code: 'toulouse', name: 'Toulouse', emailDomain: 'ac-toulouse.fr', holidayZone: 'C', departments: deps('09', '12', '31', '32', '46', '65', '81', '82') },
  { code: 'versailles', name: 'Versailles', emailDomain: 'ac-versailles.fr', holidayZone: 'C', departments: deps('78', '91', '92', '95') },
  // Saint-Barthélemy (977) and Saint-Martin (978) depend on the académie de Guadeloupe.
  { code: 'guadeloupe', name: 'Guadeloupe', emailDomain: 'ac-guadeloupe.fr', holidayZone: null, departments: ['971', '977', '978'] },
  { code: 'martinique', name: 'Martinique', emailDomain: 'ac-martinique.fr', holidayZone: null, departments: ['972'] },
  { code: 'guyane', name: 'Guyane', emailDomain: 'ac-guyane.fr', holidayZone: null, departments: ['973'] },
  { code: 'la-reunion', name: 'La Réunion', emailDomain: 'ac-reunion.fr', holidayZone: null, departments: ['974'] },
  { code: 'mayotte', name: 'Mayotte', emailDomain: 'ac-mayotte.fr', holidayZone: null, departments: ['976'] },
];

/** Older domains still in use (the académies of Caen and Rouen merged into Normandie in 2020). */
const LEGACY_EMAIL_DOMAINS: Readonly<Record<string, string>> = { 'ac-caen.fr': 'normandie', 'ac-rouen.fr': 'normandie' };

const byCode = new Map(ACADEMIES.map((a) => [a.code, a]));
const byDepartment = new Map(ACADEMIES.flatMap((a) => a.departments.map((d) => [d, a] as const)));
const byDomain = new Map<string, AcademyInfo>([
  ...ACADEMIES.map((a) => [a.emailDomain, a] as const),
  ...Object.entries(LEGACY_EMAIL_DOMAINS).map(([domain, code]) => [domain, byCode.get(code)!] as const),
]);

/** Lower-case, no accents, words separated by one space: "Orléans-Tours" → "orleans tours". */
function fold(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ALIASES: Record<string, string> = { caen: 'normandie', rouen: 'normandie', reunion: 'la-reunion', clermont: 'clermont-ferrand' };
const byLabel = new Map<string, AcademyInfo>([
  ...ACADEMIES.flatMap((a) => [[fold(a.name), a] as const, [fold(a.code), a] as const]),
  ...Object.entries(ALIASES).map(([alias, code]) => [alias, byCode.get(code)!] as const),
]);

export function academyByCode(code: string): AcademyInfo | null {
  return byCode.get(code) ?? null;
}

/** '035' (or '35', '2A', '974') → the académie, or null when unknown. */
export function academyOfDepartment(dep: string): AcademyInfo | null {
  const d = dep.trim().toUpperCase();
  return byDepartment.get(d.length === 2 ? `0${d}` : d) ?? null;
}

/** "Rennes", "ORLEANS-TOURS", "Académie de Créteil", "Caen" … → the académie, or null. */
export function academyByLabel(label: string): AcademyInfo | null {
  const folded = fold(label).replace(/^academie (de |d )?/, '');
  return byLabel.get(folded) ?? null;
}

/** The académie of an establishment from its UAI (through its département). */
export function academyOfUai(uai: string): AcademyInfo | null {
  return academyOfDepartment(departmentOfUai(uai));
}

/** The secretariat address that is the manager's login: `ce.<uai lower-case>@<domain>`. */
export function officialAddress(uai: string, academy: { emailDomain: string }): string {
  return `ce.${normalizeUai(uai).toLowerCase()}@${academy.emailDomain}`;
}

/** Same mailbox? Case-insensitive and trimmed (the annuaire holds `Ce.0350003n@ac-rennes.fr`). */
export function isSameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function domainOf(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  return at > 0
    ? email
        .trim()
        .slice(at + 1)
        .toLowerCase()
    : null;
}

/** An address on an académie's domain (including the older ac-caen.fr and ac-rouen.fr). */
export function isAcademicAddress(email: string): boolean {
  const domain = domainOf(email);
  return domain !== null && byDomain.has(domain);
}

/**
 * Is `email` the `ce.<uai>@…` secretariat address of this UAI's académie? For Normandie the
 * older ac-caen.fr / ac-rouen.fr domains are accepted too.
 */
export function isOfficialAddressOf(email: string, uai: string): boolean {
  const academy = academyOfUai(uai);
  const domain = domainOf(email);
  if (!academy || !domain || byDomain.get(domain) !== academy) return false;
  return isSameAddress(email, officialAddress(uai, { emailDomain: domain }));
}

/** Creates or refreshes every Academy row (idempotent). Call inside or outside a transaction. */
export async function seedAcademies(tx: Tx): Promise<number> {
  for (const { code, name, emailDomain, holidayZone } of ACADEMIES) {
    await tx.academy.upsert({
      where: { code },
      create: { code, name, emailDomain, holidayZone },
      update: { name, emailDomain, holidayZone },
    });
  }
  return ACADEMIES.length;
}
