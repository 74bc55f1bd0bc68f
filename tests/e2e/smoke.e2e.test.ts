import { appUrl, useBrowser, screenshot } from './harness.ts';

const browser = useBrowser();

describe('smoke: the portal and a lycée platform are served by host', () => {
  it('shows the portal home on the root domain', async () => {
    const page = await browser().newPage();
    const res = await page.goto(appUrl('/'));
    expect(res?.status()).toBe(200);
    expect(await page.$eval('h1', (h) => h.textContent)).toMatch(/mini-stages/i);
    expect(await page.title()).toMatch(/ministage/);
    await screenshot(page, 'smoke-portal-home');
    await page.close();
  });

  it('shows the demo lycée platform with its name on demo.localhost', async () => {
    const page = await browser().newPage();
    const res = await page.goto(appUrl('/', 'demo.localhost'));
    expect(res?.status()).toBe(200);
    const header = await page.$eval('header', (h) => h.textContent ?? '');
    expect(header).toContain('MINI-STAGE.FR');
    expect(header).toContain('Lycée des métiers Démo');
    await screenshot(page, 'smoke-demo-platform');
    await page.close();
  });

  it('answers an unknown platform host with a French 404 page', async () => {
    const page = await browser().newPage();
    const res = await page.goto(appUrl('/', 'inconnu.localhost'));
    expect(res?.status()).toBe(404);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page introuvable');
    await page.close();
  });

  it('does not serve the internal /sites/… routes directly on the portal', async () => {
    const page = await browser().newPage();
    const res = await page.goto(appUrl('/sites/demo.localhost'));
    expect(res?.status()).toBe(404);
    await page.close();
  });
});
