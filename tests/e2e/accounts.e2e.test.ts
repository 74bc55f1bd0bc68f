// The accounts journeys in Chromium: registration by UAI → activation → sign-in → sign-out; an
// expired link → resend → activation; forgotten password; forgotten identifier → access request.
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD, mailbox, useBrowser, screenshot, signInViaApi, startApp, type CapturedEmail } from './harness.ts';
import { clickText, field, fill, h1, mainText, newPerson, submitSignIn, waitText } from './page-helpers.ts';

jest.setTimeout(180_000);

const browser = useBrowser();

const PASSWORD = 'Brassens-Le-Rheu-2026';

const newPage = () => newPerson(browser());

/** A screenshot once the page has settled (its h1 rendered, the network quiet). */
async function shot(page: Page, name: string) {
  await page.waitForSelector('h1', { timeout: 20_000 });
  await page.waitForNetworkIdle({ idleTime: 250, timeout: 5_000 }).catch(() => undefined);
  await screenshot(page, name);
}

/** Follows a link (client-side navigation) and waits for the new page's h1. */
async function follow(page: Page, text: string, path: string) {
  await clickText(page, text, 'a');
  await page.waitForFunction((p) => location.pathname === p, { timeout: 20_000 }, path);
  await page.waitForFunction(() => !!document.querySelector('h1'), { timeout: 20_000 });
}

const bodyText = mainText;
const linkTo = (mail: CapturedEmail, path: string) => {
  const link = mail.links.find((l) => l.includes(path));
  if (!link) throw new Error(`no ${path} link in « ${mail.subject} »: ${mail.links.join(' ')}`);
  return link;
};

const signIn = submitSignIn;

async function register(page: Page, base: (p: string) => string, uai: string, who: { first: string; last: string }) {
  await page.goto(base('/'));
  await fill(page, 'Code UAI (RNE) de l’établissement', uai.toLowerCase());
  await Promise.all([page.waitForNavigation(), clickText(page, 'Continuer', 'button')]);
  expect(await h1(page)).toBe('Inscription de votre établissement');
  await page.click('input[type=radio][value="Mme"]');
  await fill(page, 'Nom', who.last);
  await fill(page, 'Prénom', who.first);
  await page.select(`[id="${await (await field(page, 'Fonction dans l’établissement')).evaluate((e) => e.id)}"]`, "Chef d'établissement");
  await fill(page, 'Mot de passe', PASSWORD);
  await fill(page, 'Confirmation du mot de passe', PASSWORD);
  await clickText(page, 'Créer votre compte utilisateur', 'button');
  await page.waitForFunction(() => location.pathname === '/inscription/email-envoye', { timeout: 20_000 });
}

describe('registering an establishment by its UAI', () => {
  it('registers 0351847T, activates it from the email, signs in and out', async () => {
    const page = await newPage();
    await page.goto(appUrl('/'));
    await shot(page, 'accounts-01-home');

    // A wrong check letter: a French message, nothing created.
    await fill(page, 'Code UAI (RNE) de l’établissement', '0351847A');
    await Promise.all([page.waitForNavigation(), clickText(page, 'Continuer', 'button')]);
    expect(await bodyText(page)).toContain('la lettre de contrôle ne correspond pas');
    await shot(page, 'accounts-02-uai-error');

    await fill(page, 'Code UAI (RNE) de l’établissement', '0351847T');
    await Promise.all([page.waitForNavigation(), clickText(page, 'Continuer', 'button')]);
    const text = await bodyText(page);
    expect(text).toContain('Collège Georges Brassens');
    expect(text).toContain('Le Rheu');
    expect(text).toContain('Rennes');
    expect(text).toContain('Votre identifiant de connexion est obligatoirement le suivant : ce.0351847t@ac-rennes.fr');
    await clickText(page, 'Créer votre compte utilisateur', 'button');
    await waitText(page, 'Saisissez votre nom.');
    await shot(page, 'accounts-03-registration-form-errors');

    await register(page, (p) => appUrl(p), '0351847T', { first: 'Claire', last: 'Dupont' });
    expect(await bodyText(page)).toContain('ce.0351847t@ac-rennes.fr');
    await shot(page, 'accounts-04-activation-sent');

    // Registering the same UAI again offers a resend, not a second account.
    await page.goto(appUrl('/inscription?uai=0351847T'));
    expect(await h1(page)).toBe('Inscription en attente d’activation');
    await shot(page, 'accounts-05-pending-activation');

    const mail = await mailbox.waitFor({ to: 'ce.0351847t@ac-rennes.fr', subject: /Activez votre compte/ });
    expect(mail.text).toContain('5 minutes');
    await page.goto(linkTo(mail, '/activation/'));
    expect(await h1(page)).toBe('Activation de votre compte');
    await shot(page, 'accounts-06-activation-page');
    await fill(page, 'Votre mot de passe', PASSWORD);
    await clickText(page, 'Activer mon compte', 'button');
    await waitText(page, 'Votre compte est activé');
    expect(await bodyText(page)).toContain('Collège Georges Brassens (Le Rheu)');
    await shot(page, 'accounts-07-activated');

    await signIn(page, appUrl('/connexion'), 'ce.0351847t@ac-rennes.fr', PASSWORD);
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.$eval('header', (e) => e.textContent)).toContain('Claire Dupont');
    await shot(page, 'accounts-08-signed-in');

    await page.goto(appUrl('/mon-compte'));
    expect(await bodyText(page)).toContain("Collège Georges Brassens (Le Rheu) (0351847T) — Chef d'établissement");
    await shot(page, 'accounts-09-my-account');

    // Now registered: « cas numéro 2 ».
    await page.goto(appUrl('/inscription?uai=0351847T'));
    expect(await bodyText(page)).toContain('Cas numéro 2');
    await shot(page, 'accounts-10-case-2');

    await clickText(page, 'Se déconnecter', 'button');
    // Signed out: the header (once the page is there again) offers « Connexion », not « Se déconnecter ».
    await page.waitForFunction(
      () => {
        const t = document.querySelector('header')?.textContent ?? '';
        return t.includes('Connexion') && !t.includes('Se déconnecter');
      },
      { timeout: 20_000 },
    );
    await page.browserContext().close();
  });

  it('signs in with the keyboard only', async () => {
    const page = await newPage();
    await page.goto(appUrl('/connexion'));
    await shot(page, 'accounts-11-sign-in');
    await (await field(page, 'Votre adresse Email')).focus();
    await page.keyboard.type('ce.0351847t@ac-rennes.fr');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('CONNEXION');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 20_000 });
    await page.browserContext().close();
  });

  it('refuses a wrong password with the same message as an unknown address', async () => {
    const page = await newPage();
    await signIn(page, appUrl('/connexion'), 'ce.0351847t@ac-rennes.fr', 'pas-le-bon-mot-de-passe');
    await waitText(page, 'Adresse email ou mot de passe incorrect');
    await shot(page, 'accounts-12-sign-in-refused');
    await signIn(page, appUrl('/connexion'), 'personne@ac-rennes.fr', 'pas-le-bon-mot-de-passe');
    await waitText(page, 'Adresse email ou mot de passe incorrect');
    await page.browserContext().close();
  });
});

describe('a forgotten password', () => {
  it('sends a reset link; the new password signs in, the old one no longer does', async () => {
    const page = await newPage();
    await page.goto(appUrl('/connexion'));
    await follow(page, 'Mot de passe oublié ?', '/mot-de-passe-oublie');
    expect(await bodyText(page)).toContain('Veuillez renseigner votre adresse Email afin de recevoir le lien de réinitialisation de votre mot de passe');
    await fill(page, 'Votre adresse Email', 'ce.0351847t@ac-rennes.fr');
    await clickText(page, 'Recevoir l’email de réinitialisation du mot de passe', 'button');
    await waitText(page, 'Si un compte correspond à cette adresse');
    await shot(page, 'accounts-16-forgot-password');

    const mail = await mailbox.waitFor({ to: 'ce.0351847t@ac-rennes.fr', subject: /Réinitialisation/ });
    await page.goto(linkTo(mail, '/reinitialisation/'));
    expect(await h1(page)).toBe('Choisir un nouveau mot de passe');
    const fresh = 'Un-nouveau-mot-de-passe-2027';
    await fill(page, 'Nouveau mot de passe', fresh);
    await fill(page, 'Confirmation du nouveau mot de passe', fresh);
    await shot(page, 'accounts-17-reset-form');
    await clickText(page, 'Enregistrer le nouveau mot de passe', 'button');
    await waitText(page, 'Votre mot de passe est modifié');
    await shot(page, 'accounts-18-reset-done');

    // The link worked once.
    await page.goto(linkTo(mail, '/reinitialisation/'));
    expect(await h1(page)).toBe('Lien de réinitialisation déjà utilisé');

    await signIn(page, appUrl('/connexion'), 'ce.0351847t@ac-rennes.fr', PASSWORD);
    await waitText(page, 'Adresse email ou mot de passe incorrect');
    await signIn(page, appUrl('/connexion'), 'ce.0351847t@ac-rennes.fr', fresh);
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 20_000 });
    await page.browserContext().close();
  });
});

describe('a forgotten identifier', () => {
  it('shows the hint, sends the access request to the manager, who grants it', async () => {
    const page = await newPage();
    await page.goto(appUrl('/connexion'));
    await follow(page, 'Vous ne connaissez pas votre identifiant ?', '/identifiant-oublie');
    await fill(page, 'Code UAI (RNE) de l’établissement', '0350033W');
    await Promise.all([page.waitForNavigation(), clickText(page, 'Continuer', 'button')]);
    expect(await h1(page)).toBe('Récupération d’identifiant pour le Collège les Ormeaux (Rennes)');
    const text = await bodyText(page);
    expect(text).toContain('ce.....@ac-rennes.fr');
    expect(text).not.toContain('ce.0350033w');
    await fill(page, 'Nom', 'Martin');
    await fill(page, 'Prénom', 'Julie');
    await fill(page, 'Fonction dans l’établissement', 'Professeure de mathématiques');
    await fill(page, 'Adresse email académique', 'julie.martin@gmail.com');
    await clickText(page, 'Valider la demande de création de compte', 'button');
    await waitText(page, 'Saisissez votre adresse email académique');
    await shot(page, 'accounts-19-identifier-hint');
    await fill(page, 'Adresse email académique', 'julie.martin@ac-rennes.fr');
    await clickText(page, 'Valider la demande de création de compte', 'button');
    await waitText(page, 'Votre demande de création de compte a été transmise');
    await shot(page, 'accounts-20-access-request-sent');

    const notice = await mailbox.waitFor({ to: 'ce.0350033w@ac-rennes.fr', subject: /Demande de création de compte/ });
    expect(notice.text).toContain('Julie Martin');

    await page.goto(linkTo(notice, '/etablissement/demandes'));
    await fill(page, 'Votre adresse Email', 'ce.0350033w@ac-rennes.fr');
    await fill(page, 'Votre mot de passe', DEMO_PASSWORD);
    await clickText(page, 'CONNEXION', 'button');
    await page.waitForFunction(() => location.pathname === '/etablissement/demandes', { timeout: 20_000 });
    await waitText(page, 'julie.martin@ac-rennes.fr');
    await shot(page, 'accounts-21-manager-requests');
    await clickText(page, 'Accorder l’accès', 'button');
    await waitText(page, 'Accès accordé');
    const invitation = await mailbox.waitFor({ to: 'julie.martin@ac-rennes.fr', subject: /accès/ });
    expect(linkTo(invitation, '/invitation/')).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
    await page.browserContext().close();
  });
});

describe('an establishment without any address in the directory', () => {
  it('waits for the operator, who approves it: an activation email follows', async () => {
    const page = await newPage();
    await page.goto(appUrl('/inscription?uai=0353069W'));
    await page.click('input[type=radio][value="M."]');
    await fill(page, 'Nom', 'Lemoine');
    await fill(page, 'Prénom', 'Yves');
    await page.select(`[id="${await (await field(page, 'Fonction dans l’établissement')).evaluate((e) => e.id)}"]`, 'Directeur ou directrice');
    await fill(page, 'Votre adresse email', 'direction@notre-dame-auray.example.fr');
    await fill(page, 'Mot de passe', PASSWORD);
    await fill(page, 'Confirmation du mot de passe', PASSWORD);
    await shot(page, 'accounts-22-registration-review-form');
    await clickText(page, 'Créer votre compte utilisateur', 'button');
    await page.waitForFunction(() => location.pathname === '/inscription/en-attente', { timeout: 20_000 });
    await shot(page, 'accounts-23-review-pending');

    await signIn(page, appUrl('/connexion?callbackUrl=%2Foperateur'), 'operateur@ministage.localhost', DEMO_PASSWORD);
    await page.waitForFunction(() => location.pathname === '/operateur', { timeout: 20_000 });
    await shot(page, 'accounts-24-operator-index');
    await page.goto(appUrl('/operateur/inscriptions'));
    await waitText(page, 'direction@notre-dame-auray.example.fr');
    await shot(page, 'accounts-25-operator-reviews');
    await clickText(page, 'Valider l’inscription', 'button');
    await waitText(page, 'Inscription validée');
    await mailbox.waitFor({ to: 'direction@notre-dame-auray.example.fr', subject: /Activez/ });
    await page.goto(appUrl('/operateur/demandes'));
    await shot(page, 'accounts-26-operator-requests');
    await page.browserContext().close();
  });
});

describe('one account on every host', () => {
  it('signs in on a lycée platform host with a portal account; the session cookie belongs to that host only', async () => {
    const page = await newPage();
    await signInViaApi(page, { login: 'ce.0350033w@ac-rennes.fr', password: DEMO_PASSWORD, host: 'demo.localhost' });
    await page.goto(appUrl('/', 'demo.localhost'));
    expect(await page.$eval('header', (e) => e.textContent)).toContain('Se déconnecter');
    await shot(page, 'accounts-27-signed-in-on-platform');
    const cookies = await page.browserContext().cookies();
    expect(cookies.find((c) => c.name.endsWith('next-auth.session-token'))?.domain).toBe('demo.localhost');
    await page.goto(appUrl('/'));
    expect(await page.$eval('header', (e) => e.textContent)).not.toContain('Se déconnecter');
    await page.browserContext().close();
  });
});

// Last: startApp() may rebuild the shared build folder when sources changed during the run.
describe('an expired activation link', () => {
  // Its own instance, whose links last 12 seconds; starting it may take minutes on a busy machine.
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp({ env: { ACTIVATION_TTL_MINUTES: '0.2' } });
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('says so, sends a new link on request, and the new link activates', async () => {
    const page = await newPage();
    try {
      await register(page, app.url, '0352260S', { first: 'Anne', last: 'Truffaut' });
      expect(await bodyText(page)).toContain('12 secondes');
      const first = await app.mailbox.waitFor({ to: 'ce.0352260s@ac-rennes.fr', subject: /Activez/ });

      // Signing in before activation: told to activate, with the resend.
      await signIn(page, app.url('/connexion'), 'ce.0352260s@ac-rennes.fr', PASSWORD);
      await waitText(page, 'pas encore activé');
      await shot(page, 'accounts-13-not-activated');

      await new Promise((r) => setTimeout(r, 13_000));
      await page.goto(linkTo(first, '/activation/'));
      expect(await h1(page)).toBe('Ce lien d’activation a expiré');
      await shot(page, 'accounts-14-link-expired');
      await clickText(page, 'Recevoir l’email de confirmation à l’adresse ce.0352260s@ac-rennes.fr', 'button');
      await waitText(page, "un nouvel email d'activation vient d'y être envoyé");
      await shot(page, 'accounts-15-link-resent');

      const second = await app.mailbox.waitFor({ to: 'ce.0352260s@ac-rennes.fr', subject: /Nouveau lien/, exclude: [first] });
      await page.goto(linkTo(second, '/activation/'));
      await fill(page, 'Votre mot de passe', PASSWORD);
      await clickText(page, 'Activer mon compte', 'button');
      await waitText(page, 'Votre compte est activé');
      await signIn(page, app.url('/connexion'), 'ce.0352260s@ac-rennes.fr', PASSWORD);
      await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 20_000 });
    } finally {
      await page.browserContext().close();
    }
  });
});
