// What the platform journeys share: a school day whose calendar cell is empty, read from the
// calendar itself (so whatever the seed or another journey put there, a new stage lands alone).
import type { Page } from 'puppeteer';
import { appUrl, DEMO_PASSWORD } from './harness.ts';
import { clickText, fill, setValue, signIn, waitPath } from './page-helpers.ts';
import { isPublicHoliday, schoolHolidayOn } from '@/lib/reference/holidays';
import { parisClock } from '@/lib/core/format';
import { addDays, monthOf, weekday } from '@/lib/stages/time';

/** A day a stage may be published on and duplicated to: a weekday, no public holiday, no school holiday (zone B). */
const isSchoolDay = (d: string) => weekday(d) !== 0 && weekday(d) !== 6 && !isPublicHoliday(d) && !schoolHolidayOn(d, 'B');

/**
 * A school day two weeks or more ahead whose calendar cell is empty (read from the calendar, so
 * whatever the seed or another test put there, the click lands on the day, not on a stage), and
 * whose next week is a school day too. Computed from the app's clock (MINISTAGE_NOW).
 */
export async function emptyTargetDay(page: Page, host = 'demo.localhost'): Promise<string> {
  const busy = new Map<string, Set<string>>();
  for (let d = addDays(parisClock().day, 14), i = 0; i < 200; d = addDays(d, 1), i++) {
    if (!isSchoolDay(d) || !isSchoolDay(addDays(d, 7))) continue;
    const month = monthOf(d);
    if (!busy.has(month)) {
      await page.goto(appUrl(`/calendrier?mois=${month}`, host));
      const days = await page.$$eval('td[data-day]', (tds) => tds.filter((td) => td.querySelector('ul a')).map((td) => td.getAttribute('data-day') ?? ''));
      busy.set(month, new Set(days));
    }
    if (!busy.get(month)!.has(d)) return d;
  }
  throw new Error('No empty school day found in the next 200 days');
}

/** Signs in by the form on a platform's `host` with a demo account and waits for its dashboard. */
export async function signInOn(page: Page, host: string, login: string) {
  await signIn(page, appUrl('/connexion', host), login, DEMO_PASSWORD);
  await waitPath(page, '/');
}

/**
 * Publishes a stage on `host` by the calendar's form (the page is signed in as that platform's staff),
 * with the first formation the form offers; returns its id.
 */
export async function publishStage(page: Page, host: string, day: string, opts: { capacity: number; place: string; from?: string; to?: string }): Promise<string> {
  await page.goto(appUrl(`/calendrier/nouveau?date=${day}`, host));
  const select = await page.waitForSelector('select');
  const id = await page.$$eval('label', (labels) => labels.find((l) => l.textContent?.trim() === 'Formation (filière)')?.htmlFor ?? '');
  const value = await page.$eval(`select[id="${id}"]`, (el) => [...(el as HTMLSelectElement).options].find((o) => o.value)?.value ?? '');
  void select;
  await page.select(`select[id="${id}"]`, value);
  await setValue(page, 'Heure de début', opts.from ?? '14:00');
  await setValue(page, 'Heure de fin', opts.to ?? '16:00');
  await fill(page, 'Capacité (places)', String(opts.capacity));
  await fill(page, 'Lieu', opts.place);
  await clickText(page, 'Publier le stage', 'button');
  await page.waitForFunction(() => location.search.includes('publie='), { timeout: 30_000 });
  return new URL(page.url()).searchParams.get('publie')!;
}
