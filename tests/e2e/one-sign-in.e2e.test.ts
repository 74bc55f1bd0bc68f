// One sign-in across every platform, in Chromium: a professeur principal signs in once on the portal
// (localhost), opens demo.localhost and champagne.localhost already signed in and enrols a pupil on
// each; a platform on a custom domain (a second host name mapped to 127.0.0.1 by Chromium's
// --host-resolver-rules) knows her too; she signs out on one platform and is signed out on all;
// she signs in again on the portal and the platforms follow. An anonymous visitor reads a
// platform's public pages; « Connexion » on a stage brings them back to that stage once signed in.
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, screenshot, useBrowser } from './harness.ts';
import { clickText, fill, newPerson, signIn, text, waitPath, waitText } from './page-helpers.ts';
import { emptyTargetDay, publishStage, signInOn } from './stage-helpers.ts';

jest.setTimeout(300_000);

const CUSTOM = 'mini-stages-sevigne.test';
const browser = useBrowser([`--host-resolver-rules=MAP ${CUSTOM} 127.0.0.1`]);
const PP = 'marie.leroy@ac-rennes.fr';

const header = (page: Page) => page.$eval('header', (e) => e.textContent ?? '');
const signedIn = async (page: Page) => (await header(page)).includes('Se déconnecter');

/** Opens a stage, « Inscrire un stagiaire », ticks the first pupil offered, enrols; returns the pupil's name. */
async function enrolOne(page: Page, host: string, stageId: string): Promise<string> {
  await page.goto(appUrl(`/stages/${stageId}`, host));
  await clickText(page, 'Inscrire un stagiaire', 'summary');
  const box = await page.waitForSelector('form[aria-label="Inscrire un stagiaire"] fieldset input[type="checkbox"]:not([disabled])');
  const name = await box!.evaluate((el) => (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '').split(' — ')[0].trim());
  await box!.click();
  await clickText(page, 'Inscrire', 'button');
  await waitText(page, 'Résultat de l’inscription', 30_000);
  await page.waitForFunction((n: string) => document.querySelector('section[aria-labelledby="stagiaires"]')?.textContent?.includes(n), { timeout: 30_000 }, name);
  return name;
}

describe('one sign-in for the portal and every platform', () => {
  const stages: Record<string, string> = {};

  it('each lycée publishes a stage; the operator opens a platform on a custom domain', async () => {
    for (const [host, admin] of [
      ['demo.localhost', 'claire.martin@ac-rennes.fr'],
      ['champagne.localhost', 'jean.petit@ac-rennes.fr'],
    ]) {
      const page = await newPerson(browser());
      await signInOn(page, host, admin);
      const day = await emptyTargetDay(page, host);
      stages[host] = await publishStage(page, host, day, { capacity: 4, place: `Salle B2 (e2e une connexion, ${host})` });
      expect(stages[host]).toBeTruthy();
      await page.close();
    }
    const op = await newPerson(browser());
    await signIn(op, appUrl('/connexion'), 'operateur@ministage.localhost', DEMO_PASSWORD);
    await op.goto(appUrl('/operateur/plateformes/nouvelle'));
    await fill(op, 'Code UAI du lycée', '0352304P');
    await fill(op, 'Nom de la plateforme', 'Lycée Sévigné (e2e)');
    await fill(op, 'Sous-domaine', 'sevigne-e2e');
    await fill(op, 'Domaines personnalisés (facultatif)', CUSTOM);
    await clickText(op, 'Créer la plateforme', 'button');
    await op.waitForFunction(() => /^\/operateur\/plateformes\/[^/]+$/.test(location.pathname) && !location.pathname.endsWith('nouvelle'), { timeout: 30_000 });
    await op.close();
  });

  let pp: Page;

  it('signed in once on the portal, she is signed in on demo.localhost and champagne.localhost and enrols a pupil on each', async () => {
    pp = await newPerson(browser());
    await signIn(pp, appUrl('/connexion'), PP, DEMO_PASSWORD);
    expect(new URL(pp.url()).host).toBe(new URL(appUrl('/')).host);
    for (const host of ['demo.localhost', 'champagne.localhost']) {
      await pp.goto(appUrl('/', host));
      expect(new URL(pp.url()).host).toBe(new URL(appUrl('/', host)).host); // back on the platform, no form on the way
      expect(await signedIn(pp)).toBe(true);
      const name = await enrolOne(pp, host, stages[host]);
      expect(await text(pp, 'section[aria-labelledby="stagiaires"]')).toContain(name);
      await screenshot(pp, `one-sign-in-${host.split('.')[0]}`);
    }
    // Each platform holds its own host-only cookie; none of them is the portal's.
    const cookies = await pp.browserContext().cookies();
    const sessionHosts = cookies.filter((c) => c.name.endsWith('next-auth.session-token')).map((c) => c.domain);
    expect(sessionHosts.sort()).toEqual(['champagne.localhost', 'demo.localhost', 'localhost']);
    expect(cookies.some((c) => c.name.includes('session-token') && c.domain.startsWith('.'))).toBe(false);
  });

  it('a platform on a custom domain knows her too', async () => {
    await pp.goto(appUrl('/', CUSTOM));
    expect(new URL(pp.url()).hostname).toBe(CUSTOM);
    expect(await signedIn(pp)).toBe(true);
    expect(await header(pp)).toContain('Lycée Sévigné (e2e)');
    await screenshot(pp, 'one-sign-in-custom-domain');
  });

  it('signing out on one platform signs her out everywhere', async () => {
    await pp.goto(appUrl('/', 'champagne.localhost'));
    await clickText(pp, 'Se déconnecter', 'button');
    await pp.waitForFunction(() => !document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 30_000 });
    for (const host of ['localhost', 'demo.localhost', 'champagne.localhost', CUSTOM]) {
      await pp.goto(appUrl('/', host));
      expect(await signedIn(pp)).toBe(false);
      expect(await header(pp)).toContain('Connexion');
    }
  });

  it('the stale cookies were dropped; signed in again on the portal, « Connexion » on a platform needs no password', async () => {
    const cookies = await pp.browserContext().cookies();
    // The platforms dropped their refused cookies on the next page load (the portal's is simply refused).
    expect(cookies.filter((c) => c.name.endsWith('next-auth.session-token') && c.domain !== 'localhost').map((c) => c.domain)).toEqual([]);
    await signIn(pp, appUrl('/connexion'), PP, DEMO_PASSWORD);
    await pp.goto(appUrl(`/stages/${stages['demo.localhost']}`, 'demo.localhost'));
    // Checked a moment ago, signed out then: the platform does not ask again by itself for a few minutes.
    await clickText(pp, 'Connexion', 'main a');
    await pp.waitForFunction(() => !!document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 30_000 });
    expect(new URL(pp.url()).host).toBe(new URL(appUrl('/', 'demo.localhost')).host);
    expect(new URL(pp.url()).pathname).toBe(`/stages/${stages['demo.localhost']}`);
    await pp.close();
  });

  it('an anonymous visitor reads a platform’s public pages; « Connexion » on a stage comes back to it', async () => {
    const page = await newPerson(browser());
    const stage = stages['champagne.localhost'];
    for (const path of ['/calendrier', '/liste', `/stages/${stage}`]) {
      const res = await page.goto(appUrl(path, 'champagne.localhost'));
      expect(res?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(path); // no detour left in the address bar
      expect(await signedIn(page)).toBe(false);
    }
    expect(await text(page, 'main')).toContain('Salle B2 (e2e une connexion, champagne.localhost)');
    await screenshot(page, 'one-sign-in-anonymous-stage');
    await clickText(page, 'Connexion', 'main a');
    await page.waitForFunction(() => location.pathname === '/connexion' && location.hostname === 'localhost', { timeout: 30_000 });
    expect(await text(page, 'main')).toContain('Connectez-vous pour continuer vers la plateforme « Lycée professionnel la Champagne »');
    await screenshot(page, 'one-sign-in-portal-form');
    await fill(page, 'Votre adresse Email', PP);
    await fill(page, 'Votre mot de passe', DEMO_PASSWORD);
    await clickText(page, 'CONNEXION', 'button');
    await page.waitForFunction((p: string) => location.hostname === 'champagne.localhost' && location.pathname === p, { timeout: 30_000 }, `/stages/${stage}`);
    await page.waitForFunction(() => !!document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 30_000 });
    await page.close();
  });

  it('a teacher of two collèges chooses which one she acts for, on the portal and on the platforms', async () => {
    const page = await newPerson(browser());
    await signIn(page, appUrl('/connexion'), 'anne.guerin@ac-rennes.fr', DEMO_PASSWORD);
    const chosen = () => page.$eval('#etablissement-actif', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(await chosen()).toContain('Ormeaux');
    const dolto = await page.$eval('#etablissement-actif', (el) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.includes('Dolto'))?.value ?? '');
    try {
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.select('#etablissement-actif', dolto)]);
      await page.goto(appUrl('/etablissement'));
      expect(await text(page, 'main')).toContain('Dolto');
      expect(await chosen()).toContain('Dolto');
      await screenshot(page, 'one-sign-in-establishment-switch');
      await page.goto(appUrl('/', 'demo.localhost')); // remembered on the account: the platform says the same
      expect(await header(page)).toContain('Dolto');
    } finally {
      await page.goto(appUrl('/'));
      const ormeaux = await page.$eval(
        '#etablissement-actif',
        (el) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.includes('Ormeaux'))?.value ?? '',
      );
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.select('#etablissement-actif', ormeaux)]);
    }
    await page.close();
  });

  it('refuses to send a code to a host that is not a platform', async () => {
    const page = await newPerson(browser());
    await signIn(page, appUrl('/connexion'), PP, DEMO_PASSWORD);
    const res = await page.goto(appUrl('/api/sso/authorize?host=evil.example&state=' + 'a'.repeat(43) + '&return=%2F'));
    expect(res?.status()).toBe(404);
    expect(new URL(page.url()).host).toBe(new URL(appUrl('/')).host);
    expect(await page.$eval('body', (b) => b.textContent ?? '')).toContain('Cette plateforme n’existe pas');
    await waitPath(page, '/api/sso/authorize');
    await page.close();
  });
});
