import { z } from 'zod';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { runAction } from '@/lib/core/action';
import { AppError, DATABASE_UNAVAILABLE } from '@/lib/core/errors';
import { assertCan } from '@/lib/core/permissions';
import { createPrisma } from '@/lib/core/db';
import { PRINTER_UNAVAILABLE } from '@/lib/core/chromium';
import { freePort } from '@/scripts/app-process';

jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);

const db = useTestDb();
const schema = z.object({ name: z.string().trim().min(1, 'Indiquez le nom de la classe.') });

describe('runAction, the shape of every server action', () => {
  let userId: string;
  beforeAll(async () => {
    const u = await db().prisma.user.create({ data: { login: 'prof@ac-rennes.fr', email: 'prof@ac-rennes.fr', status: 'ACTIVE' } });
    userId = u.id;
  });

  it('returns French field errors for bad input and never calls the handler', async () => {
    actAs(userId);
    const handler = jest.fn();
    const r = await runAction(schema, { name: '  ' }, handler);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fieldErrors: { name: ['Indiquez le nom de la classe.'] } }) });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an anonymous caller unless the action is public', async () => {
    actAs(null);
    expect(await runAction(schema, { name: '3e A' }, async () => 1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await runAction(schema, { name: '3e A' }, async () => 1, { auth: 'public' })).toEqual({ ok: true, data: 1 });
  });

  it('refuses a disabled account as anonymous', async () => {
    const u = await db().prisma.user.create({ data: { login: 'off@ac-rennes.fr', status: 'DISABLED' } });
    actAs(u.id);
    expect(await runAction(schema, { name: '3e A' }, async () => 1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('passes the actor to the handler, whose permission check is reported in French', async () => {
    actAs(userId);
    const r = await runAction(schema, { name: '3e A' }, async (_d, actor) => {
      assertCan(actor, 'classes:manage');
      return 'done';
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/droits nécessaires/) } });
  });

  it('returns the message of a business error as it is', async () => {
    actAs(userId);
    const r = await runAction(schema, { name: '3e A' }, async () => {
      throw new AppError('CONFLICT', 'Une classe porte déjà ce nom.');
    });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Une classe porte déjà ce nom.', fieldErrors: undefined } });
  });

  it('hides an unexpected error behind a generic French message', async () => {
    actAs(userId);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const r = await runAction(schema, { name: '3e A' }, async () => {
      throw new Error('relation "ClassRoom" does not exist at /srv/app.js:12');
    });
    spy.mockRestore();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNEXPECTED');
      expect(r.error.message).not.toMatch(/relation|srv|\.js/);
    }
  });

  it('answers « momentanément indisponible » when the database cannot be reached, and logs the action and the cause', async () => {
    actAs(userId);
    // A real PostgreSQL client on a port where nothing listens: the connection is refused.
    const { prisma: unreachable } = createPrisma({ kind: 'postgres', url: `postgres://ministage@127.0.0.1:${await freePort()}/ministage` });
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const listClasses = () => runAction(schema, { name: '3e A' }, async () => unreachable.classRoom.count());
      expect(await listClasses()).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE } });
      expect(DATABASE_UNAVAILABLE).toBe('Le service est momentanément indisponible. Réessayez dans un instant.');
      expect(warned).toHaveBeenCalledTimes(1);
      expect(warned.mock.calls[0][0]).toMatch(/^\[action\] listClasses: base de données injoignable \(PrismaClientKnownRequestError P1001 DatabaseNotReachable\)$/);
    } finally {
      warned.mockRestore();
      await unreachable.$disconnect();
    }
  });

  it('logs an unexpected error by its action, class and code, never its message (which may quote a name or an email)', async () => {
    actAs(userId);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // Prisma's validation errors print the query's arguments: here a name and an email.
      async function createSignerAction() {
        return runAction(schema, { name: '3e A' }, async () =>
          db().prisma.user.create({
            data: { login: 'jeanne.dupont@example.fr', email: 'jeanne.dupont@example.fr', lastName: 'Dupont', unknownField: 'Jeanne Dupont' } as never,
          }),
        );
      }
      expect(await createSignerAction()).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
      // A unique violation (P2002) on an email.
      const duplicate = await runAction(schema, { name: '3e A' }, async () => db().prisma.user.create({ data: { login: 'prof@ac-rennes.fr' } }), {
        name: 'inviteTeacher',
      });
      expect(duplicate).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
      expect(logged).toHaveBeenCalledTimes(2);
      const [first, second] = logged.mock.calls.map((c) => c.map(String).join(' '));
      expect(first).toMatch(/^\[action\] createSignerAction: erreur inattendue \(PrismaClientValidationError\)\n\s+at /);
      expect(second).toMatch(/^\[action\] inviteTeacher: erreur inattendue \(PrismaClientKnownRequestError P2002( SQLSTATE 23505)?( UniqueConstraintViolation)?\)/);
      for (const line of [first, second]) expect(line).not.toMatch(/jeanne|dupont|prof@|ac-rennes|unknownField|Invalid/i);
    } finally {
      logged.mockRestore();
    }
  });

  it('says in French that the PDF could not be printed when Chromium stopped under it', async () => {
    actAs(userId);
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => {});
    // Puppeteer's error when the browser dies during Page.printToPDF (its class by name: another realm).
    const crash = Object.assign(new Error('Protocol error (Page.printToPDF): Target closed'), { name: 'TargetCloseError' });
    const r = await runAction(schema, { name: '3e A' }, async () => {
      throw crash;
    });
    warned.mockRestore();
    expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: PRINTER_UNAVAILABLE } });
  });
});
