// The collège chain in Chromium: the principal creates classes and invites a professeur principal
// (email read from the capture), the PP signs up through the link and shares the class code,
// pupils sign up (two with the code, one without class), the PP assigns, moves, tries to delete a
// non-empty class, deletes an empty one; a teacher of another collège sees none of it.
import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, mailbox, openBrowser, screenshot, signInViaApi } from './harness.ts';
import { choose as chooseOption, clickText, field, fill as fillField, h1, mainText, newPerson, setValue, waitText } from './page-helpers.ts';
import { schoolYearOf } from '@/lib/core/format';

/** Birth dates of 3e pupils, relative to the app's school year (not the day the suite runs). */
const YEAR = schoolYearOf();

jest.setTimeout(300_000);

const PRINCIPAL = 'ce.0352274g@ac-rennes.fr'; // Collège Françoise Dolto (Pacé), seeded
const PP_EMAIL = 'claire.dupuis@ac-rennes.fr';
const PP_PASSWORD = 'Dupuis-Pace-2026-classe';
const PUPIL_PASSWORD = 'Mon-mot-de-passe-eleve';
const OTHER_TEACHER = 'marie.leroy@ac-rennes.fr'; // professeure principale au Collège les Ormeaux

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await openBrowser();
}, 30_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

/** A separate person: their own cookies. */
const person = () => newPerson(browser, contexts);
const main = mainText;
const fill = (page: Page, label: string, value: string) => fillField(page, label, value, 'main');
const choose = (page: Page, label: string, optionText: string, scope = 'main') => chooseOption(page, label, optionText, scope);
const row = async (page: Page, attr: string, value: string) => (await page.waitForSelector(`tr[${attr}="${value}"]`, { timeout: 20_000 }))!;

async function addClass(page: Page, name: string, level: string) {
  await fill(page, 'Nom de la classe', name);
  await choose(page, 'Filière / niveau', level);
  await clickText(page, 'Enregistrer', 'form[aria-label="Ajouter une classe"] button');
  await waitText(page, `La classe « ${name} » a été ajoutée.`);
  await row(page, 'data-class', name);
}

async function signUpPupil(page: Page, who: { last: string; first: string; login: string; birth: string }, shot?: string) {
  await fill(page, 'Nom', who.last);
  await fill(page, 'Prénom', who.first);
  await setValue(page, 'Date de naissance', who.birth);
  await fill(page, 'Identifiant', who.login);
  await fill(page, 'Mot de passe', PUPIL_PASSWORD);
  await fill(page, 'Confirmation du mot de passe', PUPIL_PASSWORD);
  if (shot) await screenshot(page, shot);
  await clickText(page, 'Je m’inscris', 'button');
  await waitText(page, 'Votre compte est créé');
  expect(await page.$eval('[data-testid="pupil-login"]', (e) => e.textContent)).toBe(who.login);
}

const ids: { classA?: string; classB?: string; pupil?: string } = {};
let code = '';

describe('the collège chain, from the principal to the pupils', () => {
  let principal: Page;
  let pp: Page;

  it('the principal creates « 3e A », « 3e B » (and « 5e C ») and invites a professeur principal', async () => {
    principal = await person();
    await signInViaApi(principal, { login: PRINCIPAL, password: DEMO_PASSWORD });
    await principal.goto(appUrl('/etablissement/classes'));
    expect(await h1(principal)).toBe('Classes');
    expect(await principal.title()).toMatch(/^Classes/);
    await addClass(principal, '3e A', '3e');
    await addClass(principal, '3e B', '3e');
    await addClass(principal, '5e C', '5e');
    // The same name twice is refused, next to the field.
    await fill(principal, 'Nom de la classe', '3e a');
    await choose(principal, 'Filière / niveau', '3e');
    await clickText(principal, 'Enregistrer', 'form[aria-label="Ajouter une classe"] button');
    await waitText(principal, 'Une classe « 3e a » existe déjà');
    ids.classA = (await principal.$eval('tr[data-class="3e A"] a', (a) => a.getAttribute('href')))!.split('/').pop();
    ids.classB = (await principal.$eval('tr[data-class="3e B"] a', (a) => a.getAttribute('href')))!.split('/').pop();

    await principal.goto(appUrl('/etablissement/equipe'));
    expect(await h1(principal)).toBe('Équipe pédagogique');
    await fill(principal, 'Adresse email académique', PP_EMAIL);
    await choose(principal, 'Fonction', 'Professeur principal');
    await clickText(principal, 'Envoyer l’invitation', 'button');
    await waitText(principal, `Invitation envoyée à ${PP_EMAIL}`);
    await principal.waitForSelector(`li[data-invitation="${PP_EMAIL}"]`);
    await screenshot(principal, 'college-01-team-invitation-sent');
  });

  it('the professeur principal signs up through the link of the email and lands in the collège', async () => {
    const mail = await mailbox.waitFor({ to: PP_EMAIL, subject: /Invitation à rejoindre l'équipe/ });
    const link = mail.links.find((l) => l.includes('/invitation/'));
    expect(link).toBeTruthy();
    pp = await person();
    await pp.goto(link!);
    expect(await h1(pp)).toMatch(/^Rejoindre l’équipe du Collège/);
    expect(await main(pp)).toContain('Professeur principal');
    expect(await (await field(pp, 'Adresse email (identifiant de connexion)', 'main')).evaluate((e) => (e as HTMLInputElement).value)).toBe(PP_EMAIL);
    await fill(pp, 'Nom', 'Dupuis');
    await fill(pp, 'Prénom', 'Claire');
    await fill(pp, 'Mot de passe', PP_PASSWORD);
    await fill(pp, 'Confirmation du mot de passe', PP_PASSWORD);
    await clickText(pp, 'Je m’inscris', 'button');
    await pp.waitForFunction(() => location.pathname === '/etablissement', { timeout: 30_000 });
    expect(await h1(pp)).toBe('Mon établissement');

    // The link is single use.
    const again = await person();
    await again.goto(link!);
    expect(await main(again)).toContain('Cette invitation a déjà été utilisée');
  });

  it('the principal sees the PP in the team and makes her professeur principal of 3e A', async () => {
    await principal.goto(appUrl('/etablissement/equipe'));
    await row(principal, 'data-member', PP_EMAIL);
    expect(await main(principal)).toContain('Claire Dupuis');
    await screenshot(principal, 'college-02-team-page');
    await principal.goto(appUrl(`/etablissement/classes/${ids.classA}`));
    await principal.$$eval('label', (labels) => labels.find((l) => l.textContent?.trim() === 'Claire Dupuis')?.click());
    await clickText(principal, 'Enregistrer les professeurs principaux', 'button');
    await waitText(principal, 'Professeurs principaux enregistrés.');
  });

  it('the PP finds her class and its code, and the printable poster with the QR code', async () => {
    await pp.goto(appUrl('/ma-classe'));
    expect(new URL(pp.url()).pathname).toBe(`/etablissement/classes/${ids.classA}`);
    expect(await h1(pp)).toBe('Classe 3e A');
    code = (await pp.$eval('[data-testid="join-code"]', (e) => e.textContent ?? '')).replace(/\s/g, '');
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await pp.goto(appUrl(`/rejoindre/${code}/affiche`));
    expect((await pp.$eval('[data-testid="poster-code"]', (e) => e.textContent ?? '')).replace(/\s/g, '')).toBe(code);
    expect(await pp.$eval('main img', (i) => i.getAttribute('alt'))).toContain(`/rejoindre/${code}`);
    await screenshot(pp, 'college-03-class-poster');
  });

  it('two pupils sign up with the code; one signs up without a class', async () => {
    const lina = await person();
    await lina.goto(appUrl(`/rejoindre/${code}`));
    expect(await main(lina)).toContain('Classe 3e A');
    await signUpPupil(lina, { last: 'Girard', first: 'Lina', login: 'lina.girard', birth: `${YEAR - 14}-04-18` }, 'college-04-pupil-signup');
    expect(await main(lina)).toContain('classe 3e A');
    await screenshot(lina, 'college-05-pupil-signed-up');

    const hugo = await person();
    await hugo.goto(appUrl('/rejoindre'));
    await fill(hugo, 'Code de ma classe', `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await Promise.all([hugo.waitForNavigation(), clickText(hugo, 'Continuer', 'button')]);
    await signUpPupil(hugo, { last: 'Masson', first: 'Hugo', login: 'hugo.masson', birth: `${YEAR - 15}-12-02` });

    const ines = await person();
    await ines.goto(appUrl('/creer-mon-compte'));
    await clickText(ines, 'Je suis élève', 'main a');
    await ines.waitForFunction(() => location.pathname === '/creer-mon-compte/eleve' && !!document.querySelector('#q'), { timeout: 20_000 });
    await fill(ines, 'Votre collège', '0352274G');
    await Promise.all([ines.waitForNavigation(), clickText(ines, 'Rechercher', 'button')]);
    await clickText(ines, 'Choisir', 'main a');
    await ines.waitForFunction(() => location.search.includes('uai=0352274G') && !!document.querySelector('form[aria-label="Inscription d’un élève"]'), {
      timeout: 20_000,
    });
    await choose(ines, 'Mon niveau', '3e');
    await signUpPupil(ines, { last: 'Cornec', first: 'Inès', login: 'ines.cornec', birth: `${YEAR - 14}-09-30` });
    expect(await main(ines)).toContain('votre professeur principal choisira votre classe');
  });

  it('the pupil without class shows in the count; the PP assigns her to 3e A', async () => {
    await pp.goto(appUrl('/etablissement/classes'));
    expect(await pp.$eval('[data-testid="badge-classes"]', (e) => e.textContent)).toBe('1');
    expect(await pp.$eval('[data-testid="badge-classes"]', (e) => e.getAttribute('aria-label'))).toBe('1 élève sans classe');
    await screenshot(pp, 'college-06-class-list');
    await pp.goto(appUrl('/etablissement/eleves'));
    await row(pp, 'data-pupil', 'CORNEC Inès');
    await choose(pp, 'Classe de CORNEC Inès', '3e A (3e)');
    await clickText(pp, 'Enregistrer les modifications', 'button');
    await waitText(pp, '1 élève(s) placé(s) dans leur classe.');
    await pp.goto(appUrl('/etablissement/classes'));
    expect(await pp.$('[data-testid="badge-classes"]')).toBeNull();
  });

  it('the PP moves a pupil from 3e A to 3e B with « Enregistrer les modifications »', async () => {
    await pp.goto(appUrl(`/etablissement/classes/${ids.classA}`));
    for (const name of ['GIRARD Lina', 'MASSON Hugo', 'CORNEC Inès']) await row(pp, 'data-pupil', name);
    ids.pupil = (await pp.$eval('tr[data-pupil="GIRARD Lina"] a', (a) => a.getAttribute('href')))!.split('/').pop();
    await choose(pp, 'Classe de GIRARD Lina', '3e B');
    await clickText(pp, 'Enregistrer les modifications', 'button');
    await waitText(pp, '1 élève(s) changé(s) de classe.');
    await pp.waitForFunction(() => !document.querySelector('tr[data-pupil="GIRARD Lina"]'), { timeout: 20_000 });
    await screenshot(pp, 'college-07-class-with-pupils');
    // 3e B is not her class: she sees it, not its pupils; the principal sees Lina there.
    await pp.goto(appUrl(`/etablissement/classes/${ids.classB}`));
    await waitText(pp, 'Les élèves de cette classe sont visibles');
    expect(await pp.$('tr[data-pupil="GIRARD Lina"]')).toBeNull();
    await principal.goto(appUrl(`/etablissement/classes/${ids.classB}`));
    await row(principal, 'data-pupil', 'GIRARD Lina');
  });

  it('deleting 3e B is refused (not empty); deleting the empty 5e C works', async () => {
    await pp.goto(appUrl('/etablissement/classes'));
    const b = await row(pp, 'data-class', '3e B');
    await clickText(b, 'Supprimer', 'button');
    await clickText(b, 'Supprimer la classe', 'button');
    await waitText(pp, 'La classe « 3e B » compte encore 1 élève');
    await screenshot(pp, 'college-08-delete-refused');
    expect(await pp.$('tr[data-class="3e B"]')).not.toBeNull();

    const c = await row(pp, 'data-class', '5e C');
    await clickText(c, 'Supprimer', 'button');
    await clickText(c, 'Supprimer la classe', 'button');
    await pp.waitForFunction(() => !document.querySelector('tr[data-class="5e C"]'), { timeout: 20_000 });
  });
});

describe('after the moves', () => {
  it('the PP no longer opens a pupil of another class; the principal fills in a guardian; the pupil sees her new class in « Ma classe »', async () => {
    const pp = await person();
    await signInViaApi(pp, { login: PP_EMAIL, password: PP_PASSWORD });
    expect((await pp.goto(appUrl(`/etablissement/eleves/${ids.pupil}`)))?.status()).toBe(404);
    const principal = await person();
    await signInViaApi(principal, { login: PRINCIPAL, password: DEMO_PASSWORD });
    await principal.goto(appUrl(`/etablissement/eleves/${ids.pupil}`));
    expect(await h1(principal)).toBe('GIRARD Lina');
    await fill(principal, 'Nom', 'Girard');
    await fill(principal, 'Prénom', 'Sophie');
    await fill(principal, 'Téléphone', '06 11 22 33 44');
    await clickText(principal, 'Enregistrer les responsables légaux', 'button');
    await waitText(principal, 'Responsables légaux enregistrés.');
    await screenshot(principal, 'college-09-pupil-page');

    const lina = await person();
    await signInViaApi(lina, { login: 'lina.girard', password: PUPIL_PASSWORD });
    await lina.goto(appUrl('/ma-classe'));
    expect(await main(lina)).toContain('classe 3e B');
    expect(await (await field(lina, 'Prénom', 'main')).evaluate((e) => (e as HTMLInputElement).value)).toBe('Sophie');
    await screenshot(lina, 'college-10-pupil-my-class');
  });
});

describe('a staff member who signs up alone', () => {
  it('is refused for a collège not registered yet, then signs up, activates and waits for the principal’s approval', async () => {
    const page = await person();
    await page.goto(appUrl('/creer-mon-compte/equipe?uai=0352319F'));
    expect(await main(page)).toContain('n’est pas encore inscrit');

    await page.goto(appUrl('/creer-mon-compte/equipe'));
    await fill(page, 'Votre collège', 'Dolto Pacé');
    await Promise.all([page.waitForNavigation(), clickText(page, 'Rechercher', 'button')]);
    await clickText(page, 'Choisir', 'main a');
    await page.waitForFunction(
      () => location.search.includes('uai=0352274G') && !!document.querySelector('form[aria-label="Inscription d’un membre de l’équipe pédagogique"]'),
      { timeout: 20_000 },
    );
    await fill(page, 'Nom', 'Kerhervé');
    await fill(page, 'Prénom', 'Yannick');
    await choose(page, 'Fonction', 'Enseignant');
    await fill(page, 'Adresse email académique', 'yannick.kerherve@gmail.com');
    await fill(page, 'Mot de passe', PP_PASSWORD);
    await fill(page, 'Confirmation du mot de passe', PP_PASSWORD);
    await clickText(page, 'Je m’inscris', 'button');
    await waitText(page, 'Utilisez votre adresse académique');
    await fill(page, 'Adresse email académique', 'yannick.kerherve@ac-rennes.fr');
    await screenshot(page, 'college-12-staff-signup');
    await clickText(page, 'Je m’inscris', 'button');
    await waitText(page, 'Vérifiez votre messagerie');

    const mail = await mailbox.waitFor({ to: 'yannick.kerherve@ac-rennes.fr', subject: /Activez/ });
    await page.goto(mail.links.find((l) => l.includes('/activation/'))!);
    await fill(page, 'Votre mot de passe', PP_PASSWORD);
    await clickText(page, 'Activer mon compte', 'button');
    await waitText(page, 'Votre compte est activé');
    await signInViaApi(page, { login: 'yannick.kerherve@ac-rennes.fr', password: PP_PASSWORD });
    await page.goto(appUrl('/etablissement/classes'));
    expect(await main(page)).toContain('votre chef d’établissement doit encore approuver votre inscription');

    const principal = await person();
    await signInViaApi(principal, { login: PRINCIPAL, password: DEMO_PASSWORD });
    await principal.goto(appUrl('/etablissement/equipe'));
    await mailbox.waitFor({ to: PRINCIPAL, subject: /Nouvelle demande d’accès à l’équipe/ });
    const pending = await principal.waitForSelector('li[data-pending="yannick.kerherve@ac-rennes.fr"]');
    await screenshot(principal, 'college-13-team-pending');
    await clickText(pending!, 'Approuver', 'button');
    await principal.waitForSelector('tr[data-member="yannick.kerherve@ac-rennes.fr"]', { timeout: 20_000 });
    await mailbox.waitFor({ to: 'yannick.kerherve@ac-rennes.fr', subject: /approuvée/ });
    await page.goto(appUrl('/etablissement/classes'));
    expect(await h1(page)).toBe('Classes');
  });
});

describe('the school-year rollover (operator)', () => {
  it('simulates then closes last year, with its progress and history', async () => {
    const op = await person();
    await signInViaApi(op, { login: 'operateur@ministage.localhost', password: DEMO_PASSWORD });
    await op.goto(appUrl('/operateur/rentree'));
    expect(await h1(op)).toBe('Clôture de l’année scolaire');
    const last = schoolYearOf() - 1; // the app's clock (MINISTAGE_NOW), not the machine's
    const label = `${last}-${last + 1}`;
    await choose(op, 'Année scolaire à clôturer', label);
    await clickText(op, 'Simuler la clôture', 'button');
    await waitText(op, `Simulation de la clôture ${label} enregistrée`);
    await waitText(op, `Dernière simulation : année ${label}`);
    await clickText(op, `Clôturer l’année ${label}`, 'button');
    await clickText(op, 'Clôturer définitivement', 'button');
    await waitText(op, 'Clôture terminée');
    await op.waitForFunction(() => [...document.querySelectorAll('td')].some((td) => td.textContent === 'Clôture'), { timeout: 20_000 });
    await screenshot(op, 'college-11-rollover');
    // This year's classes are untouched.
    const pp = await person();
    await signInViaApi(pp, { login: PP_EMAIL, password: PP_PASSWORD });
    await pp.goto(appUrl(`/etablissement/classes/${ids.classA}`));
    expect(await h1(pp)).toBe('Classe 3e A');
  });
});

describe('a teacher of another collège', () => {
  it('cannot see any of it: the class, the pupil and the poster are not found, the lists hold only her collège', async () => {
    const other = await person();
    await signInViaApi(other, { login: OTHER_TEACHER, password: DEMO_PASSWORD });
    for (const path of [
      `/etablissement/classes/${ids.classA}`,
      `/etablissement/classes/${ids.classB}`,
      `/etablissement/eleves/${ids.pupil}`,
      `/rejoindre/${code}/affiche`,
    ]) {
      const res = await other.goto(appUrl(path));
      expect([path, res?.status()]).toEqual([path, 404]);
    }
    await other.goto(appUrl('/etablissement/classes'));
    expect(await main(other)).toContain('Collège les Ormeaux');
    expect(await other.$(`a[href="/etablissement/classes/${ids.classA}"]`)).toBeNull();
    await other.goto(appUrl('/etablissement/eleves'));
    const text = await main(other);
    for (const name of ['GIRARD Lina', 'MASSON Hugo', 'CORNEC Inès']) expect(text).not.toContain(name);
    await other.goto(appUrl('/etablissement/equipe'));
    expect(await main(other)).not.toContain('Claire Dupuis');
  });
});
