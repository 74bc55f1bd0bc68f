// What the conventions journey needs besides the shared helpers: a file fetched in the page (with
// its cookies), the « à compléter » list of a convention page, the « Informations de l'Établissement »
// form, the PDF tools (poppler's pdfsig / pdftotext) and screenshots kept in /work/tmp/shots.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { clickText, field, fill, waitText } from './page-helpers.ts';

export type FetchedFile = { status: number; url: string; redirected: boolean; contentType: string; disposition: string; bytes: Buffer };

/** GET `href` from inside the page (its origin, its session cookie), the body as bytes. */
export async function fetchInPage(page: Page, href: string): Promise<FetchedFile> {
  const r = await page.evaluate(async (h) => {
    const res = await fetch(h, { credentials: 'same-origin' });
    const buf = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return {
      status: res.status,
      url: res.url,
      redirected: res.redirected,
      contentType: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition') ?? '',
      base64: btoa(bin),
    };
  }, href);
  return { status: r.status, url: r.url, redirected: r.redirected, contentType: r.contentType, disposition: r.disposition, bytes: Buffer.from(r.base64, 'base64') };
}

export type MissingEntry = { text: string; label: string; href: string };

/** The « À compléter … » list of a convention page: each line, its link's text and address. */
export async function missingList(page: Page): Promise<MissingEntry[]> {
  return page.$$eval('main li', (lis) =>
    lis
      .filter((li) => li.textContent?.includes(' — à compléter par le '))
      .map((li) => {
        const a = li.querySelector('a');
        return { text: (li.textContent ?? '').trim(), label: a?.textContent?.trim() ?? '', href: a?.href ?? '' };
      }),
  );
}

export const INFO_FORM = 'form[aria-label="Informations de l’Établissement"]';

/**
 * Fills the « Informations de l'Établissement » form of the page (fields left as they are when they
 * already hold something, unless `overwrite`), saves, and waits for the confirmation.
 */
export async function saveEstablishmentInfo(page: Page, values: Record<string, string>, overwrite = false) {
  await page.waitForSelector(INFO_FORM, { timeout: 20_000 });
  for (const [label, value] of Object.entries(values)) {
    const current = await (await field(page, label, INFO_FORM)).evaluate((e) => (e as HTMLInputElement).value);
    if (overwrite || !current.trim()) await fill(page, label, value, INFO_FORM);
  }
  await clickText(page, 'Enregistrer', `${INFO_FORM} button`);
  await waitText(page, 'Les informations de l’établissement sont enregistrées');
}

const SHOTS = '/work/tmp/shots';

/** /work/tmp/shots/conventions-<name>.png, once the page has settled (or at once: `settle` false). */
export async function shot(page: Page, name: string, settle = true): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  if (settle) await page.waitForNetworkIdle({ idleTime: 250, timeout: 5_000 }).catch(() => undefined);
  const path = join(SHOTS, `conventions-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Writes `bytes` to `<dir>/<name>` and returns the path. */
export function writeTemp(dir: string, name: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** `pdfsig -nocert <file>`: its output (poppler prints to stdout; exit code 0 when every signature is valid). */
export function pdfsig(path: string): { status: number | null; out: string } {
  const r = spawnSync('pdfsig', ['-nocert', path], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `pdftotext <file> -`: the PDF's text, in reading order. */
export const pdftotext = (path: string): string => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });

/** Collapses the spaces and line breaks of a PDF's text (a name may wrap in a cell). */
export const squash = (s: string) => s.replace(/\s+/g, ' ');
