import { buildCalendar, type IcsEvent } from '@/lib/core/ics';

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'enrolment-e1@demo.localhost',
  sequence: 0,
  start: new Date('2027-03-10T08:00:00Z'),
  end: new Date('2027-03-10T11:00:00Z'),
  summary: 'Mini-stage Bac pro Métiers de l’accueil',
  description: 'Apporter une trousse',
  location: 'Atelier B12, bâtiment B',
  status: 'CONFIRMED',
  organizer: { name: 'Lycée des métiers "Démo"', email: 'ne-pas-repondre@ministage.localhost' },
  attendees: [{ name: 'Marie Leroy', email: 'marie.leroy@ac-rennes.fr' }],
  ...over,
});
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('an invitation calendar (convocation)', () => {
  it('is a METHOD:REQUEST with the organizer, the attendees and the sequence', () => {
    const ics = unfold(buildCalendar({ method: 'REQUEST', events: [event({ sequence: 2 })], now: new Date('2027-03-01T09:00:00Z') }));
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('UID:enrolment-e1@demo.localhost');
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain('DTSTAMP:20270301T090000Z');
    expect(ics).toContain('ORGANIZER;CN="Lycée des métiers Démo":mailto:ne-pas-repondre@ministage.localhost');
    expect(ics).toContain('ATTENDEE;CN="Marie Leroy";ROLE=REQ-PARTICIPANT:mailto:marie.leroy@ac-rennes.fr');
    expect(ics).not.toContain('X-WR-CALNAME');
  });

  it('cancels with the same UID, a higher sequence and STATUS:CANCELLED', () => {
    const ics = unfold(buildCalendar({ method: 'CANCEL', events: [event({ sequence: 3, status: 'CANCELLED' })], now: new Date('2027-03-02T09:00:00Z') }));
    expect(ics).toMatch(/METHOD:CANCEL[\s\S]*UID:enrolment-e1@demo.localhost[\s\S]*SEQUENCE:3[\s\S]*STATUS:CANCELLED/);
  });

  it('leaves out empty optional properties and never writes a bare LF', () => {
    const ics = buildCalendar({ method: 'PUBLISH', events: [event({ description: null, location: null, organizer: null, attendees: [] })], now: new Date() });
    expect(ics).not.toMatch(/DESCRIPTION|LOCATION|ORGANIZER|ATTENDEE/);
    expect(ics).not.toMatch(/[^\r]\n/);
  });
});
