// The convention of a mini-stage in Chromium, on demo.localhost: the lycée publishes a stage, a new
// pupil joins her class with its code and her professeure principale enrols her; « Conv » on the
// stage window opens the convention page, which lists what is missing; each side fills its part
// through the links of that list; « Conv » then gives the PDF. « Envoyer pour signature » sends each
// party its link (read from the SMTP capture); each signs in a browser of its own; the last
// signature seals the PDF, sent to everyone; poppler checks the seal and the names; the
// verification page recognises the file. Nothing is read from the seed but the demo accounts.
// The collège's information is corrected on a platform's « Options › Informations de l'Établissement »
// (the collège's head signs in there: sessions are per host until « One sign-in »).
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, HTTPRequest, Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, mailbox, useBrowser, type CapturedEmail } from './harness.ts';
import { choose, clickText, field, fill, h1, newPerson, setValue, signIn, text, waitPath, waitText } from './page-helpers.ts';
import { emptyTargetDay, signInOn } from './stage-helpers.ts';
import { fetchInPage, missingList, pdfsig, pdftotext, saveEstablishmentInfo, shot, squash, writeTemp, INFO_FORM, type MissingEntry } from './convention-helpers.ts';
import { schoolYearOf } from '@/lib/core/format';

jest.setTimeout(300_000);

const browser = useBrowser();

const HOST = 'demo.localhost';
const LYCEE_ADMIN = 'claire.martin@ac-rennes.fr'; // administratrice de la plateforme Démo
const PP = 'marie.leroy@ac-rennes.fr'; // professeure principale de 3e A, Collège les Ormeaux
const PRINCIPAL = 'ce.0350033w@ac-rennes.fr'; // chef d’établissement du Collège les Ormeaux
const PUPIL = { last: 'Quéré', first: 'Maëlys', login: `maelys.quere${Date.now() % 100_000}`, password: 'Mon-mot-de-passe-de-stage' };
const GUARDIAN = { last: 'Quéré', first: 'Gwenaëlle', email: 'gwenaelle.quere@example.fr', phone: '06 98 76 54 32' };
/** Who signs for each party, and with which name. */
const SIGNERS = [
  { email: PRINCIPAL, name: 'Nathalie Le Bihan', role: 'chef d’établissement du collège d’origine' },
  { email: LYCEE_ADMIN, name: 'Claire Martin', role: 'chef d’établissement du lycée d’accueil (ou DDFPT)' },
  { email: GUARDIAN.email, name: 'Gwenaëlle Quéré', role: 'responsable légal de l’élève' },
];

const FORMATION = "Métiers de l'accueil";

const work = mkdtempSync(join(tmpdir(), 'ministage-conventions-'));

const stagiaires = (page: Page) => text(page, 'section[aria-labelledby="stagiaires"]');
const main = (page: Page) => text(page, 'main');
const hasPupil = (s: string) => s.toLowerCase().includes(PUPIL.last.toLowerCase());

/** The « Conv » link in the row of the pupil (or the row saying `match`), within `scope`: its address and the state shown beside it. */
async function convOf(page: Page, scope: string, match = PUPIL.last): Promise<{ href: string; label: string }> {
  await page.waitForFunction(
    (sel: string, last: string) =>
      [...document.querySelectorAll(`${sel} tr, ${sel} li`)].some((r) => r.textContent?.toLowerCase().includes(last) && r.querySelector('a[href^="/api/conventions/"]')),
    { timeout: 30_000 },
    scope,
    match.toLowerCase(),
  );
  return page.$$eval(
    `${scope} tr, ${scope} li`,
    (rows, last) => {
      const row = rows.find((r) => r.textContent?.toLowerCase().includes(last as string) && r.querySelector('a[href^="/api/conventions/"]'))!;
      const conv = row.querySelector('a[href^="/api/conventions/"]')!;
      const state = conv.closest('span')?.querySelector('a:not([href^="/api/conventions/"]), a + a');
      return { href: conv.getAttribute('href')!, label: state?.textContent?.trim() ?? '' };
    },
    match.toLowerCase(),
  );
}

describe('a convention, from « Conv » to the sealed PDF, on demo.localhost', () => {
  let day = '';
  let stageId = '';
  let enrolmentId = '';
  let number = '';
  let lycee: Page; // the platform's administrator, signed in on demo.localhost throughout
  let missingAtFirst: MissingEntry[] = [];
  let landedOn = '';
  /** « À compléter » links that did not lead to a form filling the item (see the dedicated test). */
  const deadEnds: string[] = [];
  let draftPdf = '';
  let sealedPdf = '';
  let sealedText = '';
  let sealedBytes: Buffer = Buffer.alloc(0);
  let invitations: CapturedEmail[] = [];
  /** Requests to /api/conventions/… while the stage window is open and « Conv » is clicked once. */
  const convRequests: string[] = [];
  /** Texts a school user would find wrong (see the dedicated test). */
  const wording: string[] = [];
  /** What each signer sees a moment after signing, when it is not the thanks. */
  const afterSigning: string[] = [];
  const convPath = () => `/conventions/${enrolmentId}`;

  beforeAll(async () => {
    lycee = await newPerson(browser());
    await signInOn(lycee, HOST, LYCEE_ADMIN);
  }, 60_000);

  it('the lycée publishes a stage with its teacher', async () => {
    day = await emptyTargetDay(lycee);
    await lycee.goto(appUrl(`/calendrier/nouveau?date=${day}`, HOST));
    await choose(lycee, 'Formation (filière)', `Bac pro ${FORMATION}`);
    await setValue(lycee, 'Heure de début', '09:00');
    await setValue(lycee, 'Heure de fin', '12:00');
    await fill(lycee, 'Capacité (places)', '3');
    await choose(lycee, 'Enseignant responsable', 'Paul Durand');
    await fill(lycee, 'Lieu', 'Salle C4 (e2e conventions)');
    await clickText(lycee, 'Publier le stage', 'button');
    await lycee.waitForFunction(() => location.search.includes('publie='), { timeout: 30_000 });
    stageId = new URL(lycee.url()).searchParams.get('publie')!;
    expect(stageId).toBeTruthy();
  });

  it('a new pupil joins 3e A with its code, and her professeure principale enrols her', async () => {
    expect(stageId).not.toBe('');
    const pp = await newPerson(browser());
    await signIn(pp, appUrl('/connexion'), PP, DEMO_PASSWORD);
    await pp.goto(appUrl('/ma-classe'));
    const code = (await (await pp.waitForSelector('[data-testid="join-code"]', { timeout: 20_000 }))!.evaluate((e) => e.textContent ?? '')).replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    // She signs up without any guardian: the convention will miss one.
    const pupil = await newPerson(browser());
    await pupil.goto(appUrl(`/rejoindre/${code}`));
    await fill(pupil, 'Nom', PUPIL.last, 'main');
    await fill(pupil, 'Prénom', PUPIL.first, 'main');
    await setValue(pupil, 'Date de naissance', `${schoolYearOf() - 14}-05-12`);
    await fill(pupil, 'Identifiant', PUPIL.login, 'main');
    await fill(pupil, 'Mot de passe', PUPIL.password, 'main');
    await fill(pupil, 'Confirmation du mot de passe', PUPIL.password, 'main');
    await clickText(pupil, 'Je m’inscris', 'button');
    await waitText(pupil, 'Votre compte est créé');
    await pupil.browserContext().close();

    await signInOn(pp, HOST, PP);
    await pp.goto(appUrl(`/stages/${stageId}`, HOST));
    await clickText(pp, 'Inscrire un stagiaire', 'summary');
    await pp.waitForSelector('form[aria-label="Inscrire un stagiaire"]');
    await fill(pp, 'Rechercher un élève', PUPIL.last, 'form[aria-label="Inscrire un stagiaire"]');
    const box = await pp.waitForFunction(
      (last: string) =>
        [...document.querySelectorAll<HTMLInputElement>('form[aria-label="Inscrire un stagiaire"] fieldset input[type="checkbox"]')].find(
          (b) => !b.disabled && document.querySelector(`label[for="${b.id}"]`)?.textContent?.toLowerCase().includes(last),
        ),
      { timeout: 20_000 },
      PUPIL.last.toLowerCase(),
    );
    await (box.asElement() as ElementHandle<Element>).click();
    await clickText(pp, 'Inscrire', 'button');
    await waitText(pp, 'Résultat de l’inscription', 30_000);
    await pp.waitForFunction(
      (last: string) => document.querySelector('section[aria-labelledby="stagiaires"]')?.textContent?.toLowerCase().includes(last),
      { timeout: 30_000 },
      PUPIL.last.toLowerCase(),
    );
    expect(hasPupil(await stagiaires(pp))).toBe(true);
    await pp.browserContext().close();
  });

  it('« Conv » on the stage window opens the convention page, which lists what is missing, with where to fill it', async () => {
    const record = (r: HTTPRequest) => {
      if (r.url().includes('/api/conventions/'))
        convRequests.push(
          `${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}${r.headers()['next-router-prefetch'] ? ' (prefetch)' : ''}${r.headers()['rsc'] ? ' (RSC)' : ''}`,
        );
    };
    lycee.on('request', record);
    await lycee.goto(appUrl(`/stages/${stageId}`, HOST));
    const conv = await convOf(lycee, 'section[aria-labelledby="stagiaires"]');
    enrolmentId = conv.href.split('/').pop()!;
    expect(enrolmentId).toMatch(/^[a-z0-9-]{10,40}$/);
    expect(conv.label).toBe('Non envoyée');
    expect(await lycee.$eval(`a[href="${conv.href}"]`, (a) => a.getAttribute('aria-label'))).toMatch(/^Convention de .+ \(PDF\)$/);

    await clickText(lycee, 'Conv', `section[aria-labelledby="stagiaires"] a[href="${conv.href}"]`);
    await waitPath(lycee, convPath());
    lycee.off('request', record);
    landedOn = lycee.url();
    // See the test below: the redirect leaves the platform's host; carry on from the right address.
    if (landedOn !== appUrl(convPath(), HOST)) await lycee.goto(appUrl(convPath(), HOST));
    await lycee.waitForSelector('h1');
    number = (await h1(lycee)).replace(/^Convention n° /, '');
    expect(number).toMatch(/^\d{4}-DEMO-\d{6}$/);
    const page = await main(lycee);
    expect(page).toContain('État : À compléter');
    expect(page).toContain('À compléter avant d’imprimer');
    expect(page).not.toContain('Télécharger le PDF'); // nothing to print yet

    missingAtFirst = await missingList(lycee);
    const lines = missingAtFirst.map((m) => m.text);
    // Made missing by this journey: the pupil signed up without guardians.
    expect(lines).toContain('Au moins un responsable légal de l’élève — à compléter par le collège : Fiche de l’élève');
    const guardianLink = missingAtFirst.find((m) => m.text.startsWith('Au moins un responsable légal'))!;
    expect(guardianLink.href).toMatch(new RegExp(`^${appUrl('/etablissement/eleves/')}[a-z0-9-]+$`));
    // Every line: one of the known items, with the link of its side.
    const known: Record<string, { label: string; href: string }> = {
      'Le nom du chef d’établissement du lycée': { label: 'Informations de l’Établissement du lycée', href: appUrl('/options/etablissement', HOST) },
      'L’adresse du lycée': { label: 'Informations de l’Établissement du lycée', href: appUrl('/options/etablissement', HOST) },
      'Le nom du chef d’établissement du collège': { label: 'Informations de l’Établissement du collège', href: appUrl('/options/etablissement', HOST) },
      'L’adresse du collège': { label: 'Informations de l’Établissement du collège', href: appUrl('/options/etablissement', HOST) },
      'L’assurance responsabilité civile du collège': { label: 'Informations de l’Établissement du collège', href: appUrl('/options/etablissement', HOST) },
      'Au moins un responsable légal de l’élève': { label: 'Fiche de l’élève', href: guardianLink.href },
    };
    for (const m of missingAtFirst) {
      const what = m.text.split(' — ')[0];
      expect(known[what]).toEqual({ label: m.label, href: m.href });
    }
    await shot(lycee, 'missing');
  });

  it('« Conv » of an incomplete convention lands on its page on the platform’s own host', () => {
    // The route handler answers 303 to new URL(page, req.url): req.url carries the server's own host (localhost), not the platform's.
    expect(landedOn).toBe(appUrl(convPath(), HOST));
  });

  it('« Conv » is a file link: not prefetched, fetched once when clicked', () => {
    // A next/link to a route handler is prefetched and fetched as a page (RSC) before the browser's own request.
    expect(convRequests).toEqual([`GET /api/conventions/${enrolmentId}`]);
  });

  it('each side fills its part through the link of the list', async () => {
    expect(missingAtFirst.length).toBeGreaterThan(0);
    const items = missingAtFirst.map((m) => m.text.split(' — ')[0]);

    // The collège: head, address, insurance (its « Informations de l'Établissement »).
    if (items.some((w) => w.endsWith('du collège'))) {
      const principal = await newPerson(browser());
      await signInOn(principal, HOST, PRINCIPAL);
      await principal.goto(missingAtFirst.find((m) => m.text.includes('du collège —'))!.href);
      if (!(await principal.$(INFO_FORM))) deadEnds.push(`collège: ${principal.url()} (« ${await h1(principal)} ») has no « Informations de l’Établissement » form`);
      await saveEstablishmentInfo(principal, {
        'Nom du chef d’établissement': 'Mme Nathalie Le Bihan',
        Fonction: 'Principale',
        Adresse: '30 rue des Ormeaux',
        'Code postal': '35000',
        Commune: 'Rennes',
        Assureur: 'MAIF',
        'Numéro de contrat': '3512 0348 A',
      });
      await principal.browserContext().close();
    }

    // The lycée: its head and address.
    if (items.some((w) => w.endsWith('du lycée'))) {
      await lycee.goto(missingAtFirst.find((m) => m.text.includes('du lycée —'))!.href);
      await lycee.waitForSelector('main h2, main h1');
      if (!(await lycee.$(INFO_FORM))) deadEnds.push(`lycée: ${lycee.url()} shows no form to the platform's administrator`);
      expect(await main(lycee)).toContain('0350032V');
      await saveEstablishmentInfo(lycee, {
        'Nom du chef d’établissement': 'M. Hervé Le Du',
        Fonction: 'Proviseur',
        Adresse: '76 avenue des Buttes de Coësmes',
        'Code postal': '35700',
        Commune: 'Rennes',
      });
    }

    // The pupil's guardian, on her page (the professeure principale).
    const pp = await newPerson(browser());
    await signIn(pp, appUrl('/connexion'), PP, DEMO_PASSWORD);
    await pp.goto(missingAtFirst.find((m) => m.text.startsWith('Au moins un responsable légal'))!.href);
    await pp.waitForSelector('form[aria-label="Responsables légaux"]');
    const first = 'form[aria-label="Responsables légaux"] fieldset:nth-of-type(1)';
    await fill(pp, 'Nom', GUARDIAN.last, first);
    await fill(pp, 'Prénom', GUARDIAN.first, first);
    await fill(pp, 'Adresse email', GUARDIAN.email, first);
    await fill(pp, 'Téléphone', GUARDIAN.phone, first);
    await clickText(pp, 'Enregistrer les responsables légaux', 'button');
    await waitText(pp, 'Responsables légaux enregistrés.');
    await pp.browserContext().close();

    await lycee.goto(appUrl(convPath(), HOST));
    expect(await missingList(lycee)).toEqual([]);
    expect(await main(lycee)).toContain('État : Prête à signer (non envoyée)');
  });

  it('each « à compléter » link leads its reader to a form that fills the item', () => {
    // Kept as found: the links of the collège's and the lycée's information (see deadEnds).
    expect(deadEnds).toEqual([]);
  });

  it('now complete, « Conv » gives the PDF of the convention', async () => {
    await lycee.goto(appUrl(`/stages/${stageId}`, HOST));
    const conv = await convOf(lycee, 'section[aria-labelledby="stagiaires"]');
    expect(conv.href).toBe(`/api/conventions/${enrolmentId}`);
    const file = await fetchInPage(lycee, conv.href);
    expect(file.status).toBe(200);
    expect(file.redirected).toBe(false);
    expect(file.contentType).toBe('application/pdf');
    expect(file.disposition).toBe(`attachment; filename="convention-${number}.pdf"`);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    draftPdf = writeTemp(work, 'convention-draft.pdf', file.bytes);
    const draft = squash(pdftotext(draftPdf));
    expect(draft).toContain(`Convention tripartite n° ${number}`);
    expect(draft).toContain(`${GUARDIAN.first} ${GUARDIAN.last}`);
    expect(draft).toContain(`${PUPIL.first} ${PUPIL.last}`);
    expect(draft).toContain('Date et signature :');
    // The convention page offers the same file.
    await lycee.goto(appUrl(convPath(), HOST));
    expect(await lycee.$eval('main', (m) => [...m.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Télécharger le PDF')?.getAttribute('href'))).toBe(
      conv.href,
    );
  });

  it('beside « Conv », a complete convention is not called « À compléter »', async () => {
    await lycee.goto(appUrl(`/stages/${stageId}`, HOST));
    const conv = await convOf(lycee, 'section[aria-labelledby="stagiaires"]');
    expect(conv.label).toBe('Non envoyée');
    await lycee.goto(appUrl(convPath(), HOST));
    expect(await main(lycee)).toContain('État : Prête à signer (non envoyée)');
  });

  it('« Envoyer pour signature »: the convention is sent, each party gets its link', async () => {
    const before = mailbox.all();
    await lycee.goto(appUrl(convPath(), HOST));
    await clickText(lycee, 'Envoyer pour signature', 'button');
    await lycee.waitForFunction(() => document.querySelector('main')?.textContent?.includes('État : Envoyée pour signature'), { timeout: 60_000 });
    const page = await main(lycee);
    expect(page).toContain('version 1');
    expect(page).toContain('Renvoyer les liens');
    expect(page).toContain('Convention reçue');
    expect(page).not.toContain('Envoyer pour signature');
    const table = await text(lycee, 'section[aria-labelledby="signatures"]');
    expect(table.match(/En attente/g)).toHaveLength(3);
    await shot(lycee, 'sent');

    invitations = [];
    for (const s of SIGNERS) {
      const mail = await mailbox.waitFor({ to: s.email, subject: `Convention de mini-stage à signer : n° ${number}`, exclude: before }, 30_000);
      const body = squash(mail.text);
      expect(body).toContain('Lire et signer la convention');
      expect(body).toContain(`en tant que ${s.role}.`);
      if (body.includes('(ou le ddfpt)')) wording.push(`email « ${mail.subject} » to ${s.email}: « …${body.match(/en tant que [^.]*\./)![0]} » (DDFPT in lower case)`);
      expect(mail.subject).not.toContain(PUPIL.last); // no typed name in a subject
      expect(mail.links.filter((l) => l.startsWith(appUrl('/signature/', HOST)))).toHaveLength(1);
      invitations.push(mail);
    }
    // The stage window says it too.
    await lycee.goto(appUrl(`/stages/${stageId}`, HOST));
    expect((await convOf(lycee, 'section[aria-labelledby="stagiaires"]')).label).toBe('Envoyée pour signature');
  });

  it('each party signs through its link in a browser of its own; a used link says so', async () => {
    expect(invitations).toHaveLength(SIGNERS.length);
    for (const [i, s] of SIGNERS.entries()) {
      const link = invitations[i].links.find((l) => l.startsWith(appUrl('/signature/', HOST)))!;
      const context = await browser().createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1366, height: 900 });
      page.on('response', (r) => {
        if (r.status() >= 500) console.error(`[HTTP ${r.status()}] ${r.url()}`);
      });
      await page.goto(link);
      expect(await h1(page)).toBe(`Signer la convention n° ${number}`);
      const doc = await text(page, 'section[aria-label="La convention"]');
      expect(doc).toContain('Convention de mini-stage');
      expect(doc).toContain(`${PUPIL.first} ${PUPIL.last}`);
      const signing = await main(page);
      expect(signing).toContain(`Vous signez en tant que ${s.role}.`);
      if (signing.includes('(ou le ddfpt)')) wording.push(`signing page: « ${signing.match(/Vous signez en tant que : [^.]*\./)![0]} » (DDFPT in lower case)`);
      // The PDF it signs is there too.
      const pdf = await fetchInPage(page, new URL(link).pathname.replace('/signature/', '/api/signature/'));
      expect(pdf.status).toBe(200);
      expect(pdf.contentType).toBe('application/pdf');
      if (i === 0) {
        await shot(page, 'signing');
        // Without the consent box: refused, next to the box.
        await fill(page, 'Vos prénom et nom', s.name);
        await clickText(page, 'Signer la convention', 'form[aria-label="Signer la convention"] button');
        await waitText(page, 'Cochez la case pour confirmer que vous avez lu la convention et que vous la signez.');
      } else {
        await fill(page, 'Vos prénom et nom', s.name);
      }
      // For the last signer, the page's refresh after signing is held until the thanks are photographed.
      const held: HTTPRequest[] = [];
      let holding = i === SIGNERS.length - 1;
      if (holding) {
        await page.setRequestInterception(true);
        page.on('request', (r) => {
          if (holding && r.method() === 'GET' && r.headers()['rsc'] && new URL(r.url()).pathname.startsWith('/signature/')) held.push(r);
          else void r.continue().catch(() => undefined);
        });
      }
      await page.click('form[aria-label="Signer la convention"] input[type="checkbox"]');
      await clickText(page, 'Signer la convention', 'form[aria-label="Signer la convention"] button');
      // The thanks, read the moment they appear (what follows may replace them, see below).
      const thanks = (await (
        await page.waitForFunction(
          () => {
            const t = document.querySelector('main')?.textContent ?? '';
            return t.includes('Merci : votre signature est enregistrée') ? t : false;
          },
          { timeout: 90_000, polling: 50 },
        )
      ).jsonValue()) as string;
      if (holding) {
        await shot(page, 'thanks', false);
        holding = false;
        for (const r of held) await r.continue().catch(() => undefined);
      }
      expect(thanks).toContain(i < SIGNERS.length - 1 ? `Vous avez signé la convention n° ${number}.` : `Toutes les parties ont signé la convention n° ${number}.`);
      // A moment later, once the page has settled: the thanks should still be there.
      await new Promise((r) => setTimeout(r, 1500));
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000 }).catch(() => undefined);
      const settled = await main(page);
      if (!settled.includes('Merci : votre signature est enregistrée'))
        afterSigning.push(`${s.email}: the thanks gave way to « ${squash(settled).trim().slice(0, 140)} »`);
      if (i === SIGNERS.length - 1) await shot(page, 'thanks-settled');
      // The same link again.
      await page.goto(link);
      expect(await h1(page)).toBe('Convention déjà signée');
      expect(await main(page)).toContain('Cette convention a déjà été signée avec ce lien.');
      await context.close();

      if (i === 0) {
        await lycee.goto(appUrl(convPath(), HOST));
        expect(await main(lycee)).toContain('État : Partiellement signée');
        expect(await text(lycee, 'section[aria-labelledby="signatures"]')).toContain(`Signée par ${s.name} le `);
      }
    }
  });

  it('the thanks stay on the screen after signing', () => {
    // SignForm's cycle (useActionForm) refreshes the server components on success: the page, reading
    // its now used link again, renders « Convention déjà signée » in place of the thanks.
    expect(afterSigning).toEqual([]);
  });

  it('all signed: everyone receives the sealed PDF; the convention page shows every signature', async () => {
    for (const s of SIGNERS) {
      const mail = await mailbox.waitFor({ to: s.email, subject: `Convention signée : n° ${number}` }, 60_000);
      const pdf = mail.attachments.find((a) => a.filename === `convention-${number}.pdf`);
      expect(pdf).toBeDefined();
      expect(pdf!.contentType).toMatch(/^application\/pdf/);
      expect(pdf!.content.startsWith('%PDF-')).toBe(true);
      expect(squash(mail.text)).toContain(`${appUrl('/verification', HOST)}, code `);
    }
    await lycee.goto(appUrl(convPath(), HOST));
    await waitText(lycee, 'Exemplaire scellé par la plateforme', 30_000);
    const page = await main(lycee);
    expect(page).toContain('État : Signée');
    expect(page).not.toContain('Renvoyer les liens');
    const table = await text(lycee, 'section[aria-labelledby="signatures"]');
    for (const s of SIGNERS) expect(table).toMatch(new RegExp(`Signée par ${s.name} le \\S+ \\d{1,2} \\S+ \\d{4} à \\d{1,2} h \\d{2}`));
    expect(table).not.toContain('En attente');
    const doc = await text(lycee, 'section[aria-label="Aperçu de la convention"]');
    for (const s of SIGNERS) expect(doc).toContain(`Signé électroniquement par ${s.name}`);
    expect(await lycee.$$eval('main a', (as) => as.map((a) => a.textContent?.trim()))).toContain('Télécharger la convention signée (PDF)');
    await shot(lycee, 'signed');
  });

  it('the sealed PDF: a valid signature (pdfsig), every party named (pdftotext)', async () => {
    await lycee.goto(appUrl(convPath(), HOST));
    const href = await lycee.$eval('main', (m) =>
      [...m.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Télécharger la convention signée (PDF)')!.getAttribute('href')!,
    );
    const file = await fetchInPage(lycee, href);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('application/pdf');
    expect(file.disposition).toContain('attachment');
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    sealedBytes = file.bytes;
    sealedPdf = writeTemp(work, `convention-${number}.pdf`, file.bytes);

    const sig = pdfsig(sealedPdf);
    expect(sig.out).toContain('Signature #1');
    expect(sig.out).toContain('Signature Validation: Signature is Valid.');
    expect(sig.out).not.toMatch(/Signature Validation: (?!Signature is Valid)/);
    expect(sig.status).toBe(0);

    sealedText = squash(pdftotext(sealedPdf));
    for (const s of SIGNERS) expect(sealedText).toContain(`Signé électroniquement par ${s.name}`);
    expect(sealedText).toMatch(/code de vérification [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(sealedText).not.toContain('Date et signature :');
  });

  it('/verification: the code and the file → « Convention authentique »; another file is not', async () => {
    const code = sealedText.match(/code de vérification ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/)![1];
    const page = await newPerson(browser()); // anyone: no account
    await page.goto(appUrl('/verification', HOST));
    expect(await h1(page)).toBe('Vérifier une convention');
    await fill(page, 'Code de vérification', code);
    const input = (await field(page, 'Fichier PDF de la convention (facultatif)')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(sealedPdf);
    await clickText(page, 'Vérifier', 'form[aria-label="Vérifier une convention"] button');
    await waitText(page, 'Convention authentique', 30_000);
    const result = await main(page);
    expect(result).toContain(`Ce fichier est bien la convention n° ${number}, signée par toutes les parties et scellée par la plateforme`);
    for (const s of SIGNERS) expect(result).toContain(`: ${s.name}, le `);
    await shot(page, 'verified');

    // The unsigned PDF of the beginning, with the same code: not the signed copy.
    await input.uploadFile(draftPdf);
    await clickText(page, 'Vérifier', 'form[aria-label="Vérifier une convention"] button');
    await waitText(page, `Ce fichier n’est pas l’exemplaire signé de la convention n° ${number}`, 30_000);
    expect(await main(page)).not.toContain('Convention authentique');
    await page.browserContext().close();
  });

  it('the collège’s « Stages des élèves » and the pupil’s « Mes stages » give the same sealed PDF', async () => {
    const pp = await newPerson(browser());
    await signIn(pp, appUrl('/connexion'), PP, DEMO_PASSWORD);
    await pp.goto(appUrl('/etablissement/stages'));
    const conv = await convOf(pp, 'main');
    expect(conv.href).toBe(`/api/conventions/${enrolmentId}`);
    expect(conv.label).toBe('Signée');
    const file = await fetchInPage(pp, conv.href);
    expect(file.contentType).toBe('application/pdf');
    expect(file.bytes.equals(sealedBytes)).toBe(true);
    await pp.goto(appUrl(`/etablissement/conventions/${enrolmentId}`));
    expect(await main(pp)).toContain('État : Signée');
    await pp.browserContext().close();

    const pupil = await newPerson(browser());
    await signIn(pupil, appUrl('/connexion'), PUPIL.login, PUPIL.password);
    await pupil.goto(appUrl('/mes-stages'));
    const own = await convOf(pupil, 'main', FORMATION);
    expect(own.href).toBe(`/api/conventions/${enrolmentId}`);
    const mine = await fetchInPage(pupil, own.href);
    expect(mine.contentType).toBe('application/pdf');
    expect(mine.bytes.equals(sealedBytes)).toBe(true);
    await pupil.browserContext().close();
  });

  it('the texts a family or a school reads are right', () => {
    expect(wording).toEqual([]);
  });

  afterAll(async () => {
    await lycee?.browserContext().close();
    if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
  });
});
