// What a convention says: built from the live data (the enrolment, its stage, both establishments'
// « Informations de l'Établissement », the pupil and the guardians, the platform's own text), with
// everything already in French words, so that the frozen snapshot prints the same forever.
// Also: what is missing before it can be printed or sent, with where each is filled in.
import { createHash } from 'node:crypto';
import type { Tx } from '../core/db.ts';
import { dbDay, displayName, formatDay, formatHours, formatNumericDate } from '../core/format.ts';
import type { Prisma, SignatureParty } from '../generated/prisma/client.ts';
import { establishmentInfoSelect } from '../sites/establishment-info.ts';

export type PartyBlock = {
  name: string;
  uai: string;
  addressLines: string[];
  /** « Mme Claire Martin, Principale » */
  head: string;
  contact: string[];
};

type Signer = { party: SignatureParty; role: string; name: string };

export type ConventionContent = {
  number: string;
  platform: { name: string; logoUrl: string | null };
  host: PartyBlock & { teacher: string };
  home: PartyBlock & { insurance: string };
  pupil: { name: string; birthDate: string; classLabel: string };
  guardians: { party: 'GUARDIAN_1' | 'GUARDIAN_2'; name: string; contact: string[] }[];
  stage: { formation: string; stageType: string; date: string; hours: string; scheduleDetail: string | null; placeLines: string[] };
  articles: { title: string; text: string }[];
  /** The signature grid, in order: home school, host, each guardian. */
  signers: Signer[];
};

export type MissingItem = { what: string; by: 'collège' | 'lycée'; fixLabel: string; href: string };

const conventionSourceSelect = {
  id: true,
  status: true,
  attendance: true,
  establishmentId: true,
  pupilId: true,
  stage: {
    select: {
      id: true,
      date: true,
      startMinutes: true,
      endMinutes: true,
      scheduleDetail: true,
      stageType: true,
      place: true,
      status: true,
      formation: { select: { type: true, name: true } },
      teacher: { select: { firstName: true, lastName: true } },
      site: {
        select: {
          id: true,
          name: true,
          slug: true,
          logoUrl: true,
          conventionText: true,
          domains: { select: { host: true }, take: 1 },
          establishment: { select: establishmentInfoSelect },
          memberships: { where: { role: 'ADMIN', user: { status: 'ACTIVE', email: { not: null } } }, select: { user: { select: { email: true } } } },
        },
      },
    },
  },
  establishment: {
    select: {
      ...establishmentInfoSelect,
      memberships: {
        where: { status: 'ACTIVE', role: { in: ['PRINCIPAL', 'DEPUTY'] }, user: { status: 'ACTIVE', email: { not: null }, emailVerified: { not: null } } },
        select: { role: true, user: { select: { email: true } } },
      },
    },
  },
  pupil: {
    select: {
      firstName: true,
      lastName: true,
      birthDate: true,
      classLabel: true,
      classRoom: { select: { name: true } },
      guardians: { orderBy: { rank: 'asc' }, select: { rank: true, firstName: true, lastName: true, email: true, phone: true, enteredByPupil: true } },
    },
  },
} satisfies Prisma.EnrolmentSelect;

export type ConventionSource = Prisma.EnrolmentGetPayload<{ select: typeof conventionSourceSelect }>;

export async function loadConventionSource(db: Tx, enrolmentId: string): Promise<ConventionSource | null> {
  return db.enrolment.findUnique({ where: { id: enrolmentId }, select: conventionSourceSelect });
}

const clean = (v: string | null | undefined) => (v ?? '').trim();
const lines = (...values: (string | null | undefined)[]) => values.map(clean).filter((l) => l !== '');

type EstablishmentRow = ConventionSource['establishment'];

function partyOf(e: Omit<EstablishmentRow, 'memberships'>, defaultTitle: string): PartyBlock {
  const title = clean(e.headTitle) || defaultTitle;
  return {
    name: e.name,
    uai: e.uai,
    addressLines: lines(e.address1, e.address2, [clean(e.postalCode), clean(e.city)].filter(Boolean).join(' ')),
    head: clean(e.headName) ? `${clean(e.headName)}, ${title}` : '',
    contact: lines(e.publicPhone ? `Tél. ${clean(e.publicPhone)}` : null, e.publicEmail),
  };
}

/** The articles every convention carries; the platform's own text comes after them. */
export function defaultArticles(host: string, home: string): { title: string; text: string }[] {
  return [
    {
      title: 'Article 1 — Objet et cadre',
      text: `La présente convention organise un mini-stage d’observation de l’élève désigné ci-dessous au ${host}, dans le cadre de la découverte des formations de la voie professionnelle (code de l’éducation, articles L124-3-1, L332-3-1 et L332-3-2 ; code du travail, article L.4153-1).`,
    },
    {
      title: 'Article 2 — Statut de l’élève',
      text: `Pendant le mini-stage, l’élève reste sous statut scolaire et sous la responsabilité du chef d’établissement du ${home}. Il ne perçoit aucune rémunération ni gratification.`,
    },
    {
      title: 'Article 3 — Observation seulement',
      text: 'Le mini-stage est une séquence d’observation : l’élève découvre les enseignements et les ateliers ; il ne réalise aucune production et n’exécute aucun travail pour le lycée.',
    },
    {
      title: 'Article 4 — Sécurité',
      text: 'L’élève n’utilise aucune machine, aucun outil ni aucun produit dangereux et n’effectue aucun des travaux interdits aux mineurs (code du travail, articles D.4153-15 et suivants). Il est encadré en permanence par l’enseignant responsable du stage.',
    },
    {
      title: 'Article 5 — Règlement intérieur',
      text: 'L’élève respecte le règlement intérieur du lycée d’accueil, notamment ses règles d’hygiène, de sécurité et de tenue. En cas de manquement, le lycée peut mettre fin au mini-stage après en avoir informé le collège et la famille.',
    },
    {
      title: 'Article 6 — Horaires',
      text: 'Les horaires sont ceux indiqués ci-dessus. Pour un élève de moins de quinze ans, la durée de présence ne dépasse pas sept heures par jour, jamais avant 6 h ni après 20 h, ni le dimanche ou un jour férié.',
    },
    {
      title: 'Article 7 — Trajets',
      text: 'Les trajets entre le domicile, le collège et le lycée d’accueil se font sous la responsabilité de la famille.',
    },
    {
      title: 'Article 8 — Assurance',
      text: 'Le collège et la famille ont souscrit une assurance en responsabilité civile couvrant les dommages que l’élève pourrait causer ou subir pendant le mini-stage et les trajets.',
    },
    {
      title: 'Article 9 — Accident',
      text: 'Tout accident survenu à l’élève pendant le mini-stage ou le trajet est déclaré le jour même par le lycée d’accueil au chef d’établissement du collège, qui fait la déclaration d’accident.',
    },
  ];
}

/** « en tant que … » (emails, the signing page). */
export const PARTY_AS: Record<SignatureParty, string> = {
  HOME_SCHOOL: 'chef d’établissement du collège d’origine',
  HOST: 'chef d’établissement du lycée d’accueil (ou DDFPT)',
  GUARDIAN_1: 'responsable légal de l’élève',
  GUARDIAN_2: 'responsable légal de l’élève',
};

export const PARTY_ROLE: Record<SignatureParty, string> = {
  HOME_SCHOOL: 'Le chef d’établissement du collège d’origine',
  HOST: 'Le chef d’établissement du lycée d’accueil (ou le DDFPT)',
  GUARDIAN_1: 'Le responsable légal',
  GUARDIAN_2: 'Le responsable légal',
};

/** The content of the convention, from live data. `number`: the convention's number. */
export function buildContent(src: ConventionSource, number: string): ConventionContent {
  const site = src.stage.site;
  const host = partyOf(site.establishment, 'Proviseur');
  const home = partyOf(src.establishment, 'Principal');
  const teacher = src.stage.teacher ? displayName(src.stage.teacher) : '';
  const insurance = [clean(src.establishment.insurer), clean(src.establishment.insurancePolicy) ? `contrat n° ${clean(src.establishment.insurancePolicy)}` : '']
    .filter(Boolean)
    .join(', ');
  const guardians = src.pupil.guardians
    .filter((g) => g.rank === 1 || g.rank === 2)
    .map((g) => ({
      party: (g.rank === 1 ? 'GUARDIAN_1' : 'GUARDIAN_2') as 'GUARDIAN_1' | 'GUARDIAN_2',
      name: displayName(g),
      contact: lines(g.phone ? `Tél. ${clean(g.phone)}` : null, g.email),
    }));
  const pupilName = displayName(src.pupil);
  const own = clean(site.conventionText);
  const articles = defaultArticles(host.name, home.name);
  if (own) articles.push({ title: `Article ${articles.length + 1} — Dispositions particulières du lycée`, text: own });
  const date = dbDay(src.stage.date);
  return {
    number,
    platform: { name: site.name, logoUrl: site.logoUrl?.startsWith('data:image/') ? site.logoUrl : null },
    host: { ...host, teacher },
    home: { ...home, insurance },
    pupil: {
      name: pupilName,
      birthDate: src.pupil.birthDate ? formatNumericDate(dbDay(src.pupil.birthDate)) : '',
      classLabel: clean(src.pupil.classRoom?.name) || clean(src.pupil.classLabel),
    },
    guardians,
    stage: {
      formation: `${src.stage.formation.type} ${src.stage.formation.name}`,
      stageType: src.stage.stageType,
      date: formatDay(date),
      hours: formatHours(src.stage.startMinutes, src.stage.endMinutes, 'à'),
      scheduleDetail: clean(src.stage.scheduleDetail) || null,
      placeLines: lines(host.name, ...host.addressLines, src.stage.place),
    },
    articles,
    signers: [
      { party: 'HOME_SCHOOL', role: PARTY_ROLE.HOME_SCHOOL, name: home.head },
      { party: 'HOST', role: PARTY_ROLE.HOST, name: host.head },
      ...guardians.map((g) => ({ party: g.party, role: PARTY_ROLE[g.party], name: g.name })),
    ],
  };
}

/** SHA-256 of the content (its keys are always built in the same order). */
export function contentHash(content: ConventionContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export type Origins = { site: string; portal: string };

/** What prevents printing: an empty party block would be printed otherwise. */
export function missingForPrint(src: ConventionSource, content: ConventionContent, o: Origins): MissingItem[] {
  const hostInfo = { by: 'lycée' as const, fixLabel: 'Informations de l’Établissement du lycée', href: `${o.site}/options/etablissement` };
  // The collège corrects its information on any platform's « Options › Informations de l'Établissement ».
  const homeInfo = { by: 'collège' as const, fixLabel: 'Informations de l’Établissement du collège', href: `${o.site}/options/etablissement` };
  const pupilPage = { by: 'collège' as const, fixLabel: 'Fiche de l’élève', href: `${o.portal}/etablissement/eleves/${src.pupilId}` };
  const items: MissingItem[] = [];
  if (!content.host.head) items.push({ what: 'Le nom du chef d’établissement du lycée', ...hostInfo });
  if (!content.host.addressLines.length) items.push({ what: 'L’adresse du lycée', ...hostInfo });
  if (!content.host.teacher)
    items.push({ what: 'L’enseignant responsable du stage', by: 'lycée', fixLabel: 'Modifier le stage', href: `${o.site}/stages/${src.stage.id}/modifier` });
  if (!content.home.head) items.push({ what: 'Le nom du chef d’établissement du collège', ...homeInfo });
  if (!content.home.addressLines.length) items.push({ what: 'L’adresse du collège', ...homeInfo });
  if (!content.home.insurance) items.push({ what: 'L’assurance responsabilité civile du collège', ...homeInfo });
  if (!content.pupil.name.trim()) items.push({ what: 'Le nom de l’élève', ...pupilPage });
  if (!content.pupil.birthDate) items.push({ what: 'La date de naissance de l’élève', ...pupilPage });
  if (!content.pupil.classLabel) items.push({ what: 'La classe de l’élève', ...pupilPage });
  if (!content.guardians.length) items.push({ what: 'Au moins un responsable légal de l’élève', ...pupilPage });
  return items;
}

export type Recipient = { party: SignatureParty; email: string };

/** Who receives a signature link, per party: the collège's head(s), the platform's administrators, each guardian. */
export function recipientsOf(src: ConventionSource): Recipient[] {
  const heads = src.establishment.memberships;
  const principals = heads.filter((m) => m.role === 'PRINCIPAL');
  const home = (principals.length ? principals : heads).map((m) => m.user.email!.toLowerCase());
  const host = src.stage.site.memberships.map((m) => m.user.email!.toLowerCase());
  // A guardian's address typed by the pupil gets no link until the collège saves it (a pupil must not sign for a parent).
  const guardians = src.pupil.guardians
    .filter((g) => (g.rank === 1 || g.rank === 2) && clean(g.email) && !g.enteredByPupil)
    .map((g): Recipient => ({ party: g.rank === 1 ? 'GUARDIAN_1' : 'GUARDIAN_2', email: clean(g.email).toLowerCase() }));
  return [
    ...[...new Set(home)].map((email): Recipient => ({ party: 'HOME_SCHOOL', email })),
    ...[...new Set(host)].map((email): Recipient => ({ party: 'HOST', email })),
    ...guardians,
  ];
}

/** What prevents sending for online signature: a party nobody can sign for. */
export function missingForSigning(src: ConventionSource, content: ConventionContent, o: Origins): MissingItem[] {
  const to = recipientsOf(src);
  const items: MissingItem[] = [];
  if (!to.some((r) => r.party === 'HOME_SCHOOL'))
    items.push({
      what: 'Un compte de chef d’établissement du collège, activé, pour signer',
      by: 'collège',
      fixLabel: 'Équipe du collège',
      href: `${o.portal}/etablissement/equipe`,
    });
  if (!to.some((r) => r.party === 'HOST'))
    items.push({
      what: 'Un administrateur de la plateforme (chef d’établissement ou DDFPT) pour signer',
      by: 'lycée',
      fixLabel: 'Équipe de la plateforme',
      href: `${o.site}/options/equipe`,
    });
  for (const g of content.guardians)
    if (!to.some((r) => r.party === g.party)) {
      const typed = src.pupil.guardians.find((row) => (row.rank === 1 ? 'GUARDIAN_1' : 'GUARDIAN_2') === g.party && row.enteredByPupil && clean(row.email));
      items.push({
        what: typed
          ? `L’adresse email de ${g.name || 'du responsable légal'} (responsable légal), saisie par l’élève : à confirmer par le collège en enregistrant ses responsables légaux`
          : `L’adresse email de ${g.name || 'du responsable légal'} (responsable légal)`,
        by: 'collège',
        fixLabel: 'Fiche de l’élève',
        href: `${o.portal}/etablissement/eleves/${src.pupilId}`,
      });
    }
  return items;
}
