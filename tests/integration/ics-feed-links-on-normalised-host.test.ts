// Review: the ICS feed is served with Cache-Control: public, so nothing a client can set may end up
// in its links: the scheme came straight from X-Forwarded-Proto (any text) and the host from the raw
// Host header. Links are now https/http on the platform's own host only.
import { useTestDb } from '../helpers/db';
import { makeSite, makeStage, stageDay, type TestSite } from '../factories/sites';
import { GET as icsFeed } from '@/app/api/ics/route';

const db = useTestDb();
let A: TestSite;

beforeAll(async () => {
  A = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  await makeStage(db().prisma, A, { date: stageDay(3), capacity: 8 });
});

const urls = (body: string) =>
  body
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l.startsWith('URL:'));

describe('ICS feed links', () => {
  it('ignores a forged X-Forwarded-Proto', async () => {
    const res = await icsFeed(new Request('http://demo.localhost:3000/api/ics', { headers: { host: 'demo.localhost:3000', 'x-forwarded-proto': 'javascript' } }));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toMatch(/javascript/i);
    expect(urls(body)[0]).toMatch(/^URL:http:\/\/demo\.localhost:3000\/stages\//);
  });

  it('keeps https behind a TLS proxy', async () => {
    const res = await icsFeed(new Request('http://demo.localhost/api/ics', { headers: { host: 'demo.localhost', 'x-forwarded-proto': 'https' } }));
    expect(urls(await res.text())[0]).toMatch(/^URL:https:\/\/demo\.localhost\/stages\//);
  });

  it('builds links on the normalised platform host (case, www.)', async () => {
    const res = await icsFeed(new Request('http://demo.localhost:3000/api/ics', { headers: { host: 'WWW.Demo.LOCALHOST:3000' } }));
    expect(res.status).toBe(200);
    expect(urls(await res.text())[0]).toMatch(/^URL:http:\/\/demo\.localhost:3000\/stages\//);
  });
});
