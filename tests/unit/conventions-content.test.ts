// What a convention says and what it lacks, from the rows (lib/conventions/content.ts): French words
// frozen in the content, nothing empty printed, who receives a signature link, a stable hash.
import { buildContent, contentHash, missingForPrint, missingForSigning, recipientsOf, type ConventionSource } from '@/lib/conventions/content';

const ORIGINS = { site: 'https://demo.ministage.fr', portal: 'https://ministage.fr' };

function source(
  over: { pupil?: Partial<ConventionSource['pupil']>; home?: Partial<ConventionSource['establishment']>; host?: Record<string, unknown>; teacher?: null } = {},
): ConventionSource {
  const est = {
    id: 'col',
    uai: '0350033W',
    name: 'Collège les Ormeaux',
    address1: '3 allée des Ormeaux',
    address2: null,
    postalCode: '35700',
    city: 'Rennes',
    headName: 'Mme Claire Martin',
    headTitle: 'Principale',
    publicEmail: null,
    publicPhone: null,
    insurer: 'MAIF',
    insurancePolicy: '1234567',
    memberships: [
      { role: 'DEPUTY', user: { email: 'adjoint@ac-rennes.fr' } },
      { role: 'PRINCIPAL', user: { email: 'CE.0350033W@ac-rennes.fr' } },
    ],
    ...over.home,
  };
  return {
    id: 'enr',
    status: 'CONFIRMED',
    attendance: null,
    establishmentId: 'col',
    pupilId: 'pup',
    stage: {
      id: 'stg',
      date: new Date(Date.UTC(2026, 11, 9)),
      startMinutes: 540,
      endMinutes: 720,
      scheduleDetail: null,
      stageType: 'Mini-stage',
      place: 'Atelier B2',
      status: 'PUBLISHED',
      formation: { type: 'Bac pro', name: 'Métiers de l’électricité' },
      teacher: over.teacher === null ? null : { firstName: 'Paul', lastName: 'Durand' },
      site: {
        id: 'site',
        name: 'Lycée des métiers Démo',
        slug: 'demo',
        logoUrl: 'https://example.org/logo.png',
        conventionText: '  ',
        domains: [],
        establishment: {
          id: 'lyc',
          uai: '0350032V',
          name: 'Lycée Jean Jaurès',
          address1: '12 rue de la Forge',
          address2: null,
          postalCode: '35000',
          city: 'Rennes',
          headName: 'M. Alain Le Goff',
          headTitle: null,
          publicEmail: null,
          publicPhone: '02 99 00 00 00',
          insurer: null,
          insurancePolicy: null,
          ...over.host,
        },
        memberships: [{ user: { email: 'admin.demo@ac-rennes.fr' } }],
      },
    },
    establishment: est,
    pupil: {
      firstName: 'Léa',
      lastName: 'Morel',
      birthDate: new Date(Date.UTC(2012, 2, 14)),
      classLabel: null,
      classRoom: { name: '3e A' },
      guardians: [
        { rank: 1, firstName: 'Anne', lastName: 'Morel', email: ' Anne.Morel@Example.fr ', phone: null },
        { rank: 2, firstName: 'Marc', lastName: 'Morel', email: null, phone: '06 00 00 00 00' },
      ],
      ...over.pupil,
    },
  } as unknown as ConventionSource;
}

describe('buildContent', () => {
  it('writes every party, the stage in French and the nine articles; no platform text when it is blank', () => {
    const c = buildContent(source(), '2026-DEMO-000001');
    expect(c.host).toMatchObject({
      name: 'Lycée Jean Jaurès',
      uai: '0350032V',
      head: 'M. Alain Le Goff, Proviseur',
      teacher: 'Paul Durand',
      addressLines: ['12 rue de la Forge', '35000 Rennes'],
    });
    expect(c.home).toMatchObject({ head: 'Mme Claire Martin, Principale', insurance: 'MAIF, contrat n° 1234567' });
    expect(c.pupil).toEqual({ name: 'Léa Morel', birthDate: '14/03/2012', classLabel: '3e A' });
    expect(c.stage).toMatchObject({
      date: 'mercredi 9 décembre 2026',
      hours: '9 h 00 à 12 h 00',
      placeLines: ['Lycée Jean Jaurès', '12 rue de la Forge', '35000 Rennes', 'Atelier B2'],
    });
    expect(c.articles).toHaveLength(9);
    expect(c.signers.map((s) => s.party)).toEqual(['HOME_SCHOOL', 'HOST', 'GUARDIAN_1', 'GUARDIAN_2']);
    // An external logo is not fetched by the printer (no network): only data: images are printed.
    expect(c.platform.logoUrl).toBeNull();
    expect(JSON.stringify(c)).not.toMatch(/undefined|NaN/);
  });

  it('adds the platform’s own text as the tenth article', () => {
    const src = source();
    src.stage.site.conventionText = 'Chaussures de sécurité fournies.';
    expect(buildContent(src, 'n').articles.at(-1)).toEqual({ title: 'Article 10 — Dispositions particulières du lycée', text: 'Chaussures de sécurité fournies.' });
  });

  it('hashes the same content the same way, and any party change differently', () => {
    const a = contentHash(buildContent(source(), 'n'));
    expect(contentHash(buildContent(source(), 'n'))).toBe(a);
    expect(contentHash(buildContent(source({ home: { headName: 'Mme Claire Martin-Robin' } }), 'n'))).not.toBe(a);
    expect(contentHash(buildContent(source({ pupil: { classRoom: { name: '3e B' } } as never }), 'n'))).not.toBe(a);
  });
});

describe('what is missing', () => {
  it('nothing for a complete convention', () => {
    const src = source();
    expect(missingForPrint(src, buildContent(src, 'n'), ORIGINS)).toEqual([]);
  });

  it('lists each empty block with the page where it is filled in', () => {
    const src = source({
      home: { headName: ' ', insurer: null, insurancePolicy: null },
      host: { address1: null, postalCode: null, city: null },
      teacher: null,
      pupil: { birthDate: null, guardians: [] },
    });
    const missing = missingForPrint(src, buildContent(src, 'n'), ORIGINS);
    expect(missing.map((m) => [m.what, m.by, m.href])).toEqual([
      ['L’adresse du lycée', 'lycée', 'https://demo.ministage.fr/options/etablissement'],
      ['L’enseignant responsable du stage', 'lycée', 'https://demo.ministage.fr/stages/stg/modifier'],
      ['Le nom du chef d’établissement du collège', 'collège', 'https://demo.ministage.fr/options/etablissement'],
      ['L’assurance responsabilité civile du collège', 'collège', 'https://demo.ministage.fr/options/etablissement'],
      ['La date de naissance de l’élève', 'collège', 'https://ministage.fr/etablissement/eleves/pup'],
      ['Au moins un responsable légal de l’élève', 'collège', 'https://ministage.fr/etablissement/eleves/pup'],
    ]);
  });

  it('for online signature: a signer for each party (the principal first, each guardian’s address)', () => {
    const src = source();
    expect(recipientsOf(src)).toEqual([
      { party: 'HOME_SCHOOL', email: 'ce.0350033w@ac-rennes.fr' },
      { party: 'HOST', email: 'admin.demo@ac-rennes.fr' },
      { party: 'GUARDIAN_1', email: 'anne.morel@example.fr' },
    ]);
    expect(missingForSigning(src, buildContent(src, 'n'), ORIGINS).map((m) => m.what)).toEqual(['L’adresse email de Marc Morel (responsable légal)']);
    const noPrincipal = source({ home: { memberships: [{ role: 'DEPUTY', user: { email: 'adjoint@ac-rennes.fr' } }] } as never });
    expect(recipientsOf(noPrincipal)[0]).toEqual({ party: 'HOME_SCHOOL', email: 'adjoint@ac-rennes.fr' });
  });
});
