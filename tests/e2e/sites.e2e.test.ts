// The lycée platform in Chromium, on demo.localhost: the seeded teacher signs in, clicks a day of
// the calendar, publishes a stage, finds it in the calendar and the list, filters by formation,
// duplicates it; the dashboard figures follow; the other platform shows none of it. Then the
// screenshots of every tab on a platform with ~100 stages.
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, mailbox, useBrowser, screenshot, startApp } from './harness.ts';
import { choose, clickText, field, fill, newPerson, setValue, signIn, text, waitPath } from './page-helpers.ts';
import { emptyTargetDay, signInOn } from './stage-helpers.ts';
import { formatDay, parisClock } from '@/lib/core/format';
import { addDays, addMonths, monthOf, weekday } from '@/lib/stages/time';

jest.setTimeout(240_000);

const browser = useBrowser();

const newPage = () => newPerson(browser());

/** « REMPLISSAGE DES STAGES : N INSCRITS / M DISPO. » → [N, M]. */
async function filling(page: Page, host = 'demo.localhost'): Promise<[number, number]> {
  await page.goto(appUrl('/', host));
  const t = await text(page, '[data-testid="remplissage"]');
  const m = /REMPLISSAGE DES STAGES : (\d+) INSCRITS? \/ (\d+) DISPO\./.exec(t);
  if (!m) throw new Error(`Unexpected figure: ${t}`);
  return [Number(m[1]), Number(m[2])];
}

// One journey: each step uses the stage the previous one published; nothing else depends on it.
describe('a lycée teacher publishes and duplicates a stage on demo.localhost', () => {
  let day = '';
  let nextWeek = '';
  let sunday = '';
  let stageId = '';

  it('signs in, clicks a day in the calendar, publishes a stage and sees it in the calendar', async () => {
    const page = await newPage();
    await signInOn(page, 'demo.localhost', 'paul.durand@ac-rennes.fr');
    expect(await text(page, 'header')).toContain('MINI-STAGE.FR – Lycée des métiers Démo');
    day = await emptyTargetDay(page);
    nextWeek = addDays(day, 7);
    sunday = addDays(day, 7 - weekday(day));
    const before = await filling(page);

    await page.goto(appUrl('/calendrier', 'demo.localhost'));
    expect(await text(page, 'main')).toContain('Pour créer un stage, cliquez directement sur le jour souhaité');
    // « Mois suivant » until the day's month is shown.
    for (let m = monthOf(parisClock().day); m < monthOf(day);) {
      await clickText(page, 'Mois suivant ›');
      m = addMonths(m, 1);
      await page.waitForFunction((mm) => location.search.includes(`mois=${mm}`), { timeout: 30_000 }, m);
    }
    // Click the day's cell itself (empty, proven above): the whole cell opens the form. The URL
    // changes before the new month is rendered: wait for the day's own « + » first.
    await page.waitForSelector(`td[data-day="${day}"] a[data-create-day="${day}"]`, { timeout: 30_000 });
    await page.waitForNetworkIdle({ idleTime: 250, timeout: 10_000 }).catch(() => undefined);
    const cell = (await page.$(`td[data-day="${day}"]`))!;
    await cell.scrollIntoView(); // a late row of the month may sit below the window: a click there hits nothing
    const box = (await cell.boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + box.height - 6);
    await waitPath(page, '/calendrier/nouveau');
    expect(await text(page, 'h1')).toBe(`Créer un stage le ${formatDay(day)}`);
    expect(await (await field(page, 'Date')).evaluate((i) => (i as HTMLInputElement).value)).toBe(day);

    await choose(page, 'Formation (filière)', "Bac pro Métiers de l'accueil");
    await setValue(page, 'Heure de début', '14:00');
    await setValue(page, 'Heure de fin', '16:30');
    await fill(page, 'Détail des horaires', 'Après-midi (e2e)');
    await fill(page, 'Capacité (places)', '6');
    await choose(page, 'Enseignant responsable', 'Paul Durand');
    await fill(page, 'Lieu', 'Salle A3, accueil');
    await fill(page, 'Description', 'Jeux de rôle à l’accueil du lycée.');
    await screenshot(page, 'sites-stage-form');
    await clickText(page, 'Publier le stage', 'button');
    await page.waitForFunction(() => location.search.includes('publie='), { timeout: 30_000 });
    stageId = new URL(page.url()).searchParams.get('publie')!;
    expect(await text(page, 'main')).toContain(`du ${formatDay(day)} est publié`);
    expect(await page.$(`td[data-day="${day}"] a[href="/stages/${stageId}"]`)).not.toBeNull();
    await screenshot(page, 'sites-calendar-after-create');

    const after = await filling(page);
    expect(after).toEqual([before[0], before[1] + 6]);
    await page.close();
  });

  it('finds the stage in the list and filters the list by formation', async () => {
    expect(stageId).not.toBe('');
    const page = await newPage();
    await signInOn(page, 'demo.localhost', 'paul.durand@ac-rennes.fr');
    await page.goto(appUrl('/liste', 'demo.localhost'));
    expect(await page.$(`a[href="/stages/${stageId}"]`)).not.toBeNull();
    await choose(page, 'Filière', "Bac pro Métiers de l'accueil");
    await clickText(page, 'Filtrer', 'button');
    await page.waitForFunction(() => location.search.includes('filiere='), { timeout: 30_000 });
    // The URL changes before the table is rendered again: wait for the filtered rows.
    await page.waitForFunction(
      (name) => {
        const cells = [...document.querySelectorAll('table tbody tr td:nth-child(3)')].map((t) => t.textContent?.trim());
        return cells.length > 0 && cells.every((c) => c === name);
      },
      { timeout: 30_000 },
      "Bac pro Métiers de l'accueil",
    );
    const formations = await page.$$eval('table tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((t) => t.textContent?.trim()))]);
    expect(formations).toEqual(["Bac pro Métiers de l'accueil"]);
    expect(await page.$(`a[href="/stages/${stageId}"]`)).not.toBeNull();
    await screenshot(page, 'sites-list-filtered');

    // The same filter applies to the calendar (a shareable link).
    const filiere = new URL(page.url()).searchParams.get('filiere')!;
    await page.goto(appUrl(`/calendrier?mois=${monthOf(day)}&filiere=${filiere}`, 'demo.localhost'));
    const chips = await page.$$eval('td[data-day] ul a', (as) => as.map((a) => a.getAttribute('title') ?? ''));
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.every((t) => t.startsWith("Bac pro Métiers de l'accueil"))).toBe(true);
    await page.close();
  });

  it('duplicates it to the next week (a Sunday is refused, with the reason) and the dashboard follows', async () => {
    expect(stageId).not.toBe('');
    const page = await newPage();
    await signInOn(page, 'demo.localhost', 'paul.durand@ac-rennes.fr');
    const before = await filling(page);
    await page.goto(appUrl(`/stages/${stageId}`, 'demo.localhost'));
    await clickText(page, 'Dupliquer');
    await waitPath(page, `/stages/${stageId}/dupliquer`);
    await setValue(page, 'Date 1', nextWeek);
    await clickText(page, 'Ajouter une date', 'button');
    await page.waitForFunction(() => [...document.querySelectorAll('label')].some((l) => l.textContent === 'Date 2'));
    await setValue(page, 'Date 2', sunday);
    await clickText(page, 'Dupliquer', 'button');
    await page.waitForSelector('#resultat-duplication', { timeout: 30_000 });
    const result = await text(page, 'main');
    expect(result).toContain('1 stage créé.');
    expect(result).toContain(formatDay(nextWeek));
    expect(result).toContain(`${formatDay(sunday)} : Un stage ne peut pas avoir lieu un dimanche. Choisissez un autre jour.`);
    await screenshot(page, 'sites-duplicate-report');
    expect(await filling(page)).toEqual([before[0], before[1] + 6]);

    await page.goto(appUrl(`/calendrier?mois=${monthOf(nextWeek)}`, 'demo.localhost'));
    const titles = await page.$$eval(`td[data-day="${nextWeek}"] ul a`, (as) => as.map((a) => a.getAttribute('title') ?? ''));
    expect(titles.some((t) => t.startsWith("Bac pro Métiers de l'accueil — 14 h 00"))).toBe(true);
    await page.close();
  });

  it('shows none of it on the other platform, champagne.localhost', async () => {
    const page = await newPage();
    await page.goto(appUrl('/liste', 'champagne.localhost'));
    expect(await text(page, 'header')).toContain('Lycée professionnel la Champagne');
    expect(await text(page, 'main')).not.toContain("Métiers de l'accueil");
    expect(await page.$(`a[href="/stages/${stageId}"]`)).toBeNull();
    const res = await page.goto(appUrl(`/stages/${stageId}`, 'champagne.localhost'));
    expect(res?.status()).toBe(404);
    await page.goto(appUrl(`/calendrier?mois=${monthOf(day)}`, 'champagne.localhost'));
    expect(await page.$(`a[href="/stages/${stageId}"]`)).toBeNull();
    // The teacher of the demo lycée is nobody on champagne: no « + » to create a stage there.
    await signInOn(page, 'champagne.localhost', 'paul.durand@ac-rennes.fr');
    await page.goto(appUrl(`/calendrier?mois=${monthOf(day)}`, 'champagne.localhost'));
    expect(await page.$('a[data-create-day]')).toBeNull();
    expect(await text(page, 'main')).not.toContain('Pour créer un stage');
    await page.close();
  });
});

describe('the operator invites a teacher, who creates an account from the link on the platform', () => {
  it('emails a link on demo.localhost; the new teacher lands on the platform signed in', async () => {
    const email = `nouvelle.prof.${process.hrtime.bigint()}@ac-rennes.fr`;
    const op = await newPage();
    await signIn(op, appUrl('/connexion'), 'operateur@ministage.localhost', DEMO_PASSWORD);
    await op.goto(appUrl('/operateur/plateformes'));
    await clickText(op, 'Lycée des métiers Démo', 'a');
    await op.waitForFunction(() => document.querySelector('h1')?.textContent === 'Lycée des métiers Démo', { timeout: 30_000 });
    await fill(op, 'Adresse email', email);
    await choose(op, 'Rôle', 'Enseignant');
    await clickText(op, 'Envoyer l’invitation', 'button');
    await op.waitForFunction((e) => document.body.innerText.includes(`Invitation envoyée à ${e}`), { timeout: 30_000 }, email);
    await screenshot(op, 'sites-operator-platform');
    await op.close();

    const mail = await mailbox.waitFor({ to: email, subject: 'Invitation sur la plateforme Lycée des métiers Démo' });
    const link = mail.links.find((l) => l.includes('/invitation-plateforme/'))!;
    expect(new URL(link).hostname).toBe('demo.localhost');

    const page = await newPage();
    await page.goto(link);
    expect(await text(page, 'main')).toContain('en tant que enseignant');
    await fill(page, 'Prénom', 'Anne');
    await fill(page, 'Nom', 'Guillou');
    await fill(page, 'Mot de passe', 'Accueil-Demo-2026!');
    await fill(page, 'Confirmez le mot de passe', 'Accueil-Demo-2026!');
    await screenshot(page, 'sites-invitation-account');
    await clickText(page, 'Créer mon compte et rejoindre la plateforme', 'button');
    await page.waitForFunction(() => location.pathname === '/' && !!document.querySelector('header')?.textContent?.includes('Enseignant du lycée'), { timeout: 30_000 });
    expect(await text(page, 'header')).toContain('Anne Guillou');
    await page.goto(appUrl('/calendrier', 'demo.localhost'));
    expect(await page.$('a[data-create-day]')).not.toBeNull();
    await page.close();
  });
});

describe('every tab of a platform with ~100 stages (screenshots)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp({ stages: 100 });
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('renders each tab for the platform administrator, with one h1 and a title', async () => {
    const page = await newPage();
    const url = (p: string) => app.url(p, 'demo.localhost');
    await signIn(page, url('/connexion'), 'claire.martin@ac-rennes.fr', DEMO_PASSWORD);
    await waitPath(page, '/');
    const tabs = [
      ['/', 'tableau-de-bord'],
      ['/calendrier', 'calendrier'],
      ['/liste', 'liste-des-stages'],
      ['/stagiaires', 'stagiaires'],
      ['/options', 'options'],
      ['/options/formations', 'options-formations'],
      ['/contacts', 'contacts'],
      ['/recherche?q=commerce', 'rechercher-un-stage'],
    ] as const;
    for (const [path, name] of tabs) {
      const res = await page.goto(url(path), { waitUntil: 'networkidle0' });
      expect(res?.status()).toBe(200);
      expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
      expect(await page.title()).not.toBe('');
      await screenshot(page, `sites-tab-${name}`);
    }
    expect(await text(page, 'main')).toContain('stages trouvés');
    await page.goto(url('/'));
    expect(await text(page, '[data-testid="remplissage"]')).toMatch(/^REMPLISSAGE DES STAGES : 2 INSCRITS \/ \d+ DISPO\.$/);
    await page.close();
  });
});
