// What every journey does with a page, once: a person's own browser context, fields found by their
// label, choosing, clicking by visible text, waiting for a path or a text, signing in by the form.
import type { Browser, BrowserContext, ElementHandle, Page } from 'puppeteer';

/** A separate person: a fresh page in its own browser context (own cookies); page errors and 5xx are reported. */
export async function newPerson(browser: Browser, contexts?: BrowserContext[]): Promise<Page> {
  const context = await browser.createBrowserContext();
  contexts?.push(context);
  const page = await context.newPage();
  await page.setViewport({ width: 1366, height: 900 });
  page.on('pageerror', (err) => console.error(`[page error] ${page.url()}: ${String(err)}`));
  page.on('response', (r) => {
    if (r.status() >= 500) console.error(`[HTTP ${r.status()}] ${r.url()}`);
  });
  return page;
}

/** The form control labelled exactly `label` (label[for] → id), within `scope`. */
export async function field(page: Page, label: string, scope = 'body'): Promise<ElementHandle<Element>> {
  const id = await page.$$eval(`${scope} label`, (labels, text) => labels.find((l) => l.textContent?.trim() === text)?.htmlFor ?? null, label);
  if (!id) throw new Error(`no field labelled « ${label} » on ${page.url()}`);
  const handle = await page.$(`[id="${id}"]`);
  if (!handle) throw new Error(`no element #${id} on ${page.url()}`);
  return handle;
}

/** Types `value` into the field labelled `label`, replacing what it held. */
export async function fill(page: Page, label: string, value: string, scope = 'body') {
  const input = await field(page, label, scope);
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

/** Sets a date/time input's value the way React sees it (an input event). */
export async function setValue(page: Page, label: string, value: string) {
  const input = await field(page, label);
  await input.evaluate((el, v) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Chooses the option whose text is `optionText` in the select labelled `label`. */
export async function choose(page: Page, label: string, optionText: string, scope = 'body') {
  const select = await field(page, label, scope);
  const value = await select.evaluate((el, t) => [...(el as HTMLSelectElement).options].find((o) => o.text.trim() === t)?.value ?? null, optionText);
  if (value === null) throw new Error(`no option « ${optionText} » in « ${label} » on ${page.url()}`);
  await (select as ElementHandle<HTMLSelectElement>).select(value);
}

/** Clicks the button or link whose visible text is `text` (exactly, else the first that starts with it). */
export async function clickText(page: Page | ElementHandle, text: string, selector = 'button, a') {
  const handles = await page.$$(selector);
  const labels = await Promise.all(handles.map((h) => h.evaluate((el) => (el.textContent ?? '').replace(/\s*\(en cours…\)$/, '').trim())));
  const index = labels.indexOf(text) >= 0 ? labels.indexOf(text) : labels.findIndex((t) => t.startsWith(text));
  if (index < 0) throw new Error(`nothing to click named « ${text} »${'url' in page ? ` on ${page.url()}` : ''}`);
  await handles[index].click();
}

export const waitPath = (page: Page, path: string, timeout = 30_000) => page.waitForFunction((p) => location.pathname === p, { timeout }, path);

/** The visible text of the first element matching `selector`. */
export const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);
export const mainText = (page: Page) => page.$eval('main', (e) => e.textContent ?? '');
export const h1 = (page: Page) => page.$eval('h1', (e) => e.textContent?.trim() ?? '');
export const waitText = (page: Page, wanted: string, timeout = 20_000) =>
  page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t), { timeout }, wanted);

/** Fills and sends the sign-in form at `url` (the caller waits for what should follow). */
export async function submitSignIn(page: Page, url: string, login: string, password: string) {
  await page.goto(url);
  await fill(page, 'Votre adresse Email', login);
  await fill(page, 'Votre mot de passe', password);
  await clickText(page, 'CONNEXION', 'button');
}

/**
 * Signs in by the form at `url` and waits until the header offers « Se déconnecter ». A platform's
 * « Connexion » goes through the portal: when the portal already holds this browser's session, it
 * comes straight back signed in (one sign-in), with no form to fill.
 */
export async function signIn(page: Page, url: string, login: string, password: string) {
  await page.goto(url);
  const form = await page.$$eval('label', (labels) => labels.some((l) => l.textContent?.trim() === 'Votre adresse Email'));
  if (!form && (await page.$eval('header', (h) => h.textContent ?? '').catch(() => '')).includes('Se déconnecter')) return;
  await fill(page, 'Votre adresse Email', login);
  await fill(page, 'Votre mot de passe', password);
  await clickText(page, 'CONNEXION', 'button');
  await page.waitForFunction(() => !!document.querySelector('header')?.textContent?.includes('Se déconnecter'), { timeout: 30_000 });
}
