// « Inscrire un stagiaire » in Chromium, on demo.localhost: the lycée publishes a stage of two seats
// on an empty school day; a professeur principal opens it from the calendar and enrols two pupils
// of her class (their names appear, the convocation arrives with an .ics that parses); the stage is
// full, so another professeur principal gets « Inscrire en liste d'attente »; a cancellation
// promotes his pupil, whose convocation follows. Everything is read from the pages, not the seed.
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, mailbox, useBrowser, screenshot } from './harness.ts';
import { choose, clickText, fill, newPerson, setValue, signIn, text, waitPath, waitText } from './page-helpers.ts';
import { emptyTargetDay, signInOn } from './stage-helpers.ts';
import { monthOf, parisToUtc } from '@/lib/stages/time';

jest.setTimeout(240_000);

const browser = useBrowser();

const HOST = 'demo.localhost';

/** Opens the stage from its month's calendar, as a person would, and unfolds « Inscrire un stagiaire ». */
async function openStageFromCalendar(page: Page, day: string, stageId: string) {
  await page.goto(appUrl(`/calendrier?mois=${monthOf(day)}`, HOST));
  const link = await page.waitForSelector(`td[data-day="${day}"] a[href="/stages/${stageId}"]`, { timeout: 30_000 });
  await link!.scrollIntoView();
  await link!.click();
  await waitPath(page, `/stages/${stageId}`);
  await clickText(page, 'Inscrire un stagiaire', 'summary');
  await page.waitForSelector('form[aria-label="Inscrire un stagiaire"]');
}

/** Ticks the first `n` pupils offered in « Vos élèves »; returns their names. */
async function pickPupils(page: Page, n: number): Promise<string[]> {
  const names: string[] = [];
  const boxes = await page.$$('form[aria-label="Inscrire un stagiaire"] fieldset input[type="checkbox"]:not([disabled])');
  for (const box of boxes.slice(0, n)) {
    const label = await box.evaluate((el) => document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '');
    names.push(label.split(' — ')[0].trim());
    await box.click();
  }
  expect(names).toHaveLength(n);
  return names;
}

const pupilsTable = (page: Page) => text(page, 'section[aria-labelledby="stagiaires"]');

describe('a professeur principal enrols pupils on demo.localhost', () => {
  let day = '';
  let stageId = '';
  let marie: string[] = [];
  let thomas: string[] = [];

  it('the lycée publishes a stage of two seats', async () => {
    const page = await newPerson(browser());
    await signInOn(page, HOST, 'claire.martin@ac-rennes.fr');
    day = await emptyTargetDay(page);
    await page.goto(appUrl(`/calendrier/nouveau?date=${day}`, HOST));
    await choose(page, 'Formation (filière)', "Bac pro Métiers de l'accueil");
    await setValue(page, 'Heure de début', '14:00');
    await setValue(page, 'Heure de fin', '16:00');
    await fill(page, 'Capacité (places)', '2');
    await fill(page, 'Lieu', 'Salle A3 (e2e inscriptions)');
    await clickText(page, 'Publier le stage', 'button');
    await page.waitForFunction(() => location.search.includes('publie='), { timeout: 30_000 });
    stageId = new URL(page.url()).searchParams.get('publie')!;
    expect(stageId).toBeTruthy();
    await page.close();
  });

  it('opens it from the calendar, « Inscrire un stagiaire », picks two pupils, sees their names; the convocation arrives with an .ics', async () => {
    expect(stageId).not.toBe('');
    const before = mailbox.all(); // other journeys' convocations to the same teacher are not this one
    const page = await newPerson(browser());
    await signInOn(page, HOST, 'marie.leroy@ac-rennes.fr');
    await openStageFromCalendar(page, day, stageId);
    expect(await text(page, 'section[aria-labelledby="inscrire"]')).toContain('2 places libres sur 2');
    marie = await pickPupils(page, 2);
    expect(await text(page, 'form[aria-label="Inscrire un stagiaire"]')).toContain('2 élèves choisis');
    await screenshot(page, 'enrolment-form');
    await clickText(page, 'Inscrire', 'button');
    await waitText(page, 'Résultat de l’inscription', 30_000);
    await page.waitForFunction(
      (names: string[]) => names.every((n) => document.querySelector('section[aria-labelledby="stagiaires"]')?.textContent?.includes(n)),
      { timeout: 30_000 },
      marie,
    );
    const table = await pupilsTable(page);
    for (const n of marie) expect(table).toContain(n);
    expect(await text(page, 'main')).toContain('La convocation est envoyée par email');
    await screenshot(page, 'enrolment-done');

    const mail = await mailbox.waitFor(
      { to: 'marie.leroy@ac-rennes.fr', subject: 'Convocation au mini-stage', text: `${marie[0]} est inscrit(e)`, exclude: before },
      30_000,
    );
    expect(mail.subject).not.toContain(marie[0]); // no typed name in a subject
    expect(mail.text).toMatch(/convocation au mini-stage/i);
    expect(mail.text).toContain('14 h 00 à 16 h 00');
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
    expect(ics).toBeDefined();
    expect(ics!.contentType).toMatch(/text\/calendar/);
    const lines = ics!.content.replace(/\r\n /g, '').split(/\r\n/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines.some((l) => /^UID:enrolment-[a-z0-9]+@ministage$/.test(l))).toBe(true);
    const utc = parisToUtc(day, 14 * 60)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z$/, 'Z');
    expect(lines).toContain(`DTSTART:${utc}`);
    expect(lines).toContain('END:VCALENDAR');
    await page.close();
  });

  it('the full stage offers the waiting list to another professeur principal', async () => {
    expect(marie).toHaveLength(2);
    const page = await newPerson(browser());
    await signInOn(page, HOST, 'thomas.bernard@ac-rennes.fr');
    await openStageFromCalendar(page, day, stageId);
    expect(await text(page, 'section[aria-labelledby="inscrire"]')).toContain('Ce stage est complet');
    thomas = await pickPupils(page, 1);
    await clickText(page, 'Inscrire en liste d’attente', 'button');
    await waitText(page, 'est en liste d’attente', 30_000);
    await page.waitForFunction((n: string) => document.querySelector('section[aria-labelledby="stagiaires"]')?.textContent?.includes(n), { timeout: 30_000 }, thomas[0]);
    expect(await pupilsTable(page)).toContain('Liste d’attente (n° 1)');
    await screenshot(page, 'enrolment-waiting-list');
    await page.close();
  });

  it('a cancellation promotes the waiting pupil, whose convocation follows', async () => {
    expect(thomas).toHaveLength(1);
    const before = mailbox.all();
    const page = await newPerson(browser());
    await signInOn(page, HOST, 'marie.leroy@ac-rennes.fr');
    await page.goto(appUrl(`/stages/${stageId}`, HOST));
    await clickText(page, 'Annuler l’inscription', 'button');
    await clickText(page, 'Confirmer l’annulation', 'button');
    await page.waitForFunction((n: string) => !document.querySelector('section[aria-labelledby="stagiaires"]')?.textContent?.includes(n), { timeout: 30_000 }, marie[0]);
    await page.close();

    const promoted = await mailbox.waitFor({ to: 'thomas.bernard@ac-rennes.fr', subject: 'Convocation au mini-stage', text: thomas[0], exclude: before }, 30_000);
    expect(promoted.text).toContain('Une place s’est libérée');
    expect(promoted.attachments.some((a) => a.filename.endsWith('.ics'))).toBe(true);

    const lycee = await newPerson(browser());
    await signInOn(lycee, HOST, 'claire.martin@ac-rennes.fr');
    await lycee.goto(appUrl(`/stages/${stageId}`, HOST));
    const table = await pupilsTable(lycee);
    expect(table).toContain(thomas[0]);
    expect(table).not.toContain('Liste d’attente');
    await lycee.goto(appUrl('/stagiaires?par=stage', HOST));
    expect(await text(lycee, 'main')).toContain(thomas[0]);
    await screenshot(lycee, 'enrolment-stagiaires');
    await lycee.goto(appUrl('/options/inscriptions', HOST));
    expect(await text(lycee, 'main')).toContain('Partage équitable des places');
    await screenshot(lycee, 'enrolment-options');
    await lycee.close();
  });

  it('the collège sees its pupils’ enrolments on the portal, with what is missing and a link to the stage', async () => {
    expect(marie).toHaveLength(2);
    const page = await newPerson(browser());
    await signIn(page, appUrl('/connexion'), 'marie.leroy@ac-rennes.fr', DEMO_PASSWORD);
    await page.goto(appUrl('/etablissement/stages'));
    const main = await text(page, 'main');
    expect(main).toContain('Stages des élèves');
    // This stage's rows (other journeys may have enrolled the same pupils elsewhere): marie[1] only, marie[0] cancelled.
    const rows = await page.$$eval(`tr:has(a[href="${appUrl(`/stages/${stageId}`, HOST)}"])`, (trs) => trs.map((tr) => tr.textContent ?? '').join('\n'));
    expect(rows).toContain(marie[1]);
    expect(rows).not.toContain(marie[0]);
    expect(main).toContain('Manque : convention');
    expect(await page.$(`a[href="${appUrl(`/stages/${stageId}`, HOST)}"]`)).not.toBeNull();
    await screenshot(page, 'enrolment-portal');
    await page.close();
  });
});
