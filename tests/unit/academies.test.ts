import {
  ACADEMIES,
  academyByLabel,
  academyOfDepartment,
  academyOfUai,
  isAcademicAddress,
  isOfficialAddressOf,
  isSameAddress,
  officialAddress,
} from '@/lib/reference/academies';
import { uaiCheckLetter } from '@/lib/reference/uai';

const uai = (digits: string) => digits + uaiCheckLetter(digits);

describe('the académies table', () => {
  it('has the 30 académies, each département once', () => {
    expect(ACADEMIES).toHaveLength(30);
    const deps = ACADEMIES.flatMap((a) => a.departments);
    expect(new Set(deps).size).toBe(deps.length);
    for (const d of deps) expect(d).toMatch(/^(0\d\d|02[AB]|97\d)$/);
    // 96 metropolitan départements (with 2A/2B) + 5 overseas + Saint-Barthélemy and Saint-Martin.
    expect(deps).toHaveLength(96 + 5 + 2);
  });

  it('uses ac-<name>.fr with the three exceptions', () => {
    const domain = (code: string) => ACADEMIES.find((a) => a.code === code)?.emailDomain;
    expect(domain('rennes')).toBe('ac-rennes.fr');
    expect(domain('aix-marseille')).toBe('ac-aix-marseille.fr');
    expect(domain('orleans-tours')).toBe('ac-orleans-tours.fr');
    expect(domain('nancy-metz')).toBe('ac-nancy-metz.fr');
    expect(domain('clermont-ferrand')).toBe('ac-clermont.fr');
    expect(domain('la-reunion')).toBe('ac-reunion.fr');
    expect(domain('normandie')).toBe('ac-normandie.fr');
  });

  it('puts each académie in its holiday zone (none for Corse and overseas)', () => {
    const zone = (z: string | null) =>
      ACADEMIES.filter((a) => a.holidayZone === z)
        .map((a) => a.name)
        .sort();
    expect(zone('A')).toEqual(['Besançon', 'Bordeaux', 'Clermont-Ferrand', 'Dijon', 'Grenoble', 'Limoges', 'Lyon', 'Poitiers']);
    expect(zone('B')).toHaveLength(11);
    expect(zone('C')).toEqual(['Créteil', 'Montpellier', 'Paris', 'Toulouse', 'Versailles']);
    expect(zone(null)).toEqual(['Corse', 'Guadeloupe', 'Guyane', 'La Réunion', 'Martinique', 'Mayotte']);
  });
});

describe('lookups', () => {
  it('finds the académie of a département in any usual spelling', () => {
    expect(academyOfDepartment('035')?.code).toBe('rennes');
    expect(academyOfDepartment('35')?.code).toBe('rennes');
    expect(academyOfDepartment('2A')?.code).toBe('corse');
    expect(academyOfDepartment('02b')?.code).toBe('corse');
    expect(academyOfDepartment('974')?.code).toBe('la-reunion');
    expect(academyOfDepartment('063')?.emailDomain).toBe('ac-clermont.fr');
    expect(academyOfDepartment('099')).toBeNull();
  });

  it('reads the Libelle_academie labels, without caring for accents or case', () => {
    expect(academyByLabel('Rennes')?.code).toBe('rennes');
    expect(academyByLabel('Orléans-Tours')?.code).toBe('orleans-tours');
    expect(academyByLabel('ORLEANS-TOURS')?.code).toBe('orleans-tours');
    expect(academyByLabel('Créteil')?.code).toBe('creteil');
    expect(academyByLabel('La Réunion')?.code).toBe('la-reunion');
    expect(academyByLabel('Académie de Besançon')?.code).toBe('besancon');
    expect(academyByLabel('Caen')?.code).toBe('normandie');
    expect(academyByLabel('Rouen')?.code).toBe('normandie');
    expect(academyByLabel('Atlantide')).toBeNull();
  });

  it('finds the académie of a UAI', () => {
    expect(academyOfUai('0350031U')?.code).toBe('rennes');
    expect(academyOfUai(uai('6200001'))?.code).toBe('corse');
  });
});

describe('addresses', () => {
  const rennes = academyOfDepartment('035')!;

  it('derives the secretariat address in lower case', () => {
    expect(officialAddress('0350003N', rennes)).toBe('ce.0350003n@ac-rennes.fr');
    expect(officialAddress(uai('0630001'), academyOfDepartment('063')!)).toBe(`ce.${uai('0630001').toLowerCase()}@ac-clermont.fr`);
  });

  it('compares addresses case-insensitively and trimmed', () => {
    expect(isSameAddress('Ce.0350003n@ac-rennes.fr', ' ce.0350003N@AC-RENNES.FR ')).toBe(true);
    expect(isSameAddress('ce.0350003n@ac-rennes.fr', 'ce.0350003n@ac-nantes.fr')).toBe(false);
  });

  it('recognises academic domains, old Normandie ones included', () => {
    expect(isAcademicAddress('ce.0350003n@ac-rennes.fr')).toBe(true);
    expect(isAcademicAddress('Jean.Dupont@AC-CAEN.FR')).toBe(true);
    expect(isAcademicAddress('x@ac-rouen.fr')).toBe(true);
    expect(isAcademicAddress('tinteniac@cneap.fr')).toBe(false);
    expect(isAcademicAddress('x@ac-rennes.fr.example.com')).toBe(false);
    expect(isAcademicAddress('x@mail.ac-rennes.fr')).toBe(false);
    expect(isAcademicAddress('ac-rennes.fr')).toBe(false);
  });

  it("checks that an address is the establishment's own ce. address", () => {
    expect(isOfficialAddressOf('Ce.0350003n@ac-rennes.fr', '0350003N')).toBe(true);
    expect(isOfficialAddressOf('ce.0350003n@ac-nantes.fr', '0350003N')).toBe(false);
    expect(isOfficialAddressOf('ce.0350031u@ac-rennes.fr', '0350003N')).toBe(false);
    expect(isOfficialAddressOf('secretariat.esm@aliceadsl.fr', '0350003N')).toBe(false);
    const caen = uai('0140001');
    expect(isOfficialAddressOf(`ce.${caen.toLowerCase()}@ac-normandie.fr`, caen)).toBe(true);
    expect(isOfficialAddressOf(`ce.${caen.toLowerCase()}@ac-caen.fr`, caen)).toBe(true);
  });
});
