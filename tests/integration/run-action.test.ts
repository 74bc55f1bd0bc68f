import { z } from 'zod';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { runAction } from '@/lib/core/action';
import { AppError } from '@/lib/core/errors';
import { assertCan } from '@/lib/core/permissions';

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
});
