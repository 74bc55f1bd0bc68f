jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { daysFromNow, enrol, makeCollege, makeSite, makeStage, NOW, outboxEmails, outboxMark } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { sendForSignatureAction, signConventionAction } from '@/lib/conventions/actions';
import { conventionFile, attendanceCertificate } from '@/lib/conventions/service';
import { closePrinter } from '@/lib/conventions/printer';

const db = useTestDb();
const ORIGINS = { site: 'http://demo.localhost', portal: 'http://localhost' };
const text = (pdf: Buffer, layout = true) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-', '-'], { input: pdf }).toString('utf8');
afterAll(async () => { setNow(null); await closePrinter(); });

it('probe', async () => {
  process.env.SEAL_DIR = mkdtempSync(join(tmpdir(), 'seal-'));
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  const demo = await makeSite(p, { slug: 'demo', uai: '0350032V', name: 'Mini-stages du lycée Jean Guéhenno' });
  const college = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 2 });
  await p.establishment.update({ where: { id: demo.lycee.id }, data: { name: 'Lycée professionnel Jean Guéhenno', headName: 'M. Alain Le Goff', headTitle: 'Proviseur', address1: '12 rue de la Forge', postalCode: '35000', city: 'Rennes', publicPhone: '02 99 12 34 56' } });
  await p.establishment.update({ where: { id: college.est.id }, data: { headName: 'Mme Claire Martin', headTitle: 'Principale', address1: '3 allée des Ormeaux', postalCode: '35700', city: 'Rennes', insurer: 'MAIF', insurancePolicy: '1234567' } });
  await p.site.update({ where: { id: demo.site.id }, data: { conventionText: 'Les élèves apportent une tenue de travail et des chaussures fermées.' } });
  const pupil = college.pupils[0];
  await p.pupil.update({ where: { id: pupil.id }, data: { firstName: 'Zoé', lastName: 'Lefèvre', birthDate: new Date(Date.UTC(2012, 2, 14)) } });
  await p.guardian.updateMany({ where: { pupilId: pupil.id, rank: 1 }, data: { firstName: 'Sophie', lastName: 'Lefèvre', phone: '06 12 34 56 78' } });
  await p.guardian.create({ data: { pupilId: pupil.id, rank: 2, firstName: 'Marc', lastName: 'Lefèvre', email: 'marc.lefevre@example.fr' } });
  const stage = await makeStage(p, demo, { date: daysFromNow(9), scheduleDetail: 'Accueil à 8 h 50 au hall A, atelier de 9 h 15 à 11 h 45', teacher: 'durand' });
  await p.stage.update({ where: { id: stage.id }, data: { place: 'Atelier B12, bâtiment C' } });
  await enrol(p, stage.id, college, [0]);
  const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
  const draft = await conventionFile(e.id, ORIGINS);
  if (!('pdf' in draft)) throw new Error(JSON.stringify(draft));
  writeFileSync('/tmp/pdfprobe/draft.pdf', draft.pdf);
  writeFileSync('/tmp/pdfprobe/draft.txt', text(draft.pdf));
  writeFileSync('/tmp/pdfprobe/draft-raw.txt', text(draft.pdf, false));
  const since = await outboxMark();
  actAs(demo.admin.id, demo.host);
  console.log(await sendForSignatureAction({ enrolmentId: e.id }));
  const mails = await outboxEmails(p, { since });
  const tokens = mails.map((m) => /\/signature\/([A-Za-z0-9_-]{43})/.exec(m.html)?.[1]).filter(Boolean) as string[];
  const names = ['Claire Martin', 'Alain Le Goff', 'Sophie Lefèvre', 'Marc Lefèvre'];
  for (const [i, t] of tokens.entries()) { actAs(null, demo.host); console.log(mails[i].to, await signConventionAction({ token: t, signerName: names[i], consent: true })); }
  const c = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } });
  const sealed = Buffer.from(c.sealedPdf!);
  writeFileSync('/tmp/pdfprobe/sealed.pdf', sealed);
  writeFileSync('/tmp/pdfprobe/sealed.txt', text(sealed));
  writeFileSync('/tmp/pdfprobe/sealed-raw.txt', text(sealed, false));
  await p.enrolment.update({ where: { id: e.id }, data: { attendance: 'PRESENT' } });
  const a = await attendanceCertificate(e.id, ORIGINS);
  writeFileSync('/tmp/pdfprobe/att.pdf', a.pdf);
  writeFileSync('/tmp/pdfprobe/att.txt', text(a.pdf));
}, 120_000);
