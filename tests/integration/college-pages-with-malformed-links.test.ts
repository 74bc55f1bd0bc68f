// Review: Next.js hands pages their dynamic segment already decoded; decoding it a second time threw
// URIError (a 500) on any link holding a bare « % » (/rejoindre/%25, /invitation/abc%25…).
// The pages must answer with their French explanation instead.
import { isValidElement } from 'react';
import { useTestDb } from '../helpers/db';

jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import JoinWithCodePage from '@/app/(portail)/rejoindre/[code]/page';
import InvitationPage from '@/app/(portail)/invitation/[token]/page';
import JoinPage from '@/app/(portail)/rejoindre/page';
import PupilSignUpPage from '@/app/(portail)/creer-mon-compte/eleve/page';
import StaffSignUpPage from '@/app/(portail)/creer-mon-compte/equipe/page';
import { actAs } from '../helpers/session-mock';

useTestDb();

describe('pages reached with a malformed link', () => {
  beforeEach(() => actAs(null, 'localhost'));

  it.each(['%', 'K7M%Q2P', '%E0%A4%A'])('« Rejoindre ma classe » explains an unknown code %s (no 500)', async (code) => {
    const out = await JoinWithCodePage({ params: Promise.resolve({ code }) });
    expect(isValidElement(out)).toBe(true);
  });

  it.each(['%', 'abcdefghij%klmnop'])('the invitation page explains an invalid link %s (no 500)', async (token) => {
    const out = await InvitationPage({ params: Promise.resolve({ token }) });
    expect(isValidElement(out)).toBe(true);
  });

  it('answers a repeated query parameter with the page, using the first value (no 500)', async () => {
    const pages: [string, () => Promise<unknown>][] = [
      ['/rejoindre?code=A&code=B', () => JoinPage({ searchParams: Promise.resolve({ code: ['ABCD', 'EFGH'] }) })],
      ['/creer-mon-compte/eleve?q=ab&q=cd', () => PupilSignUpPage({ searchParams: Promise.resolve({ q: ['ab', 'cd'] }) })],
      ['/creer-mon-compte/eleve?uai=X&uai=Y', () => PupilSignUpPage({ searchParams: Promise.resolve({ uai: ['0350033W', 'X'] }) })],
      ['/creer-mon-compte/equipe?q=ab&q=cd', () => StaffSignUpPage({ searchParams: Promise.resolve({ q: ['ab', 'cd'] }) })],
      ['/creer-mon-compte/equipe?uai=X&uai=Y', () => StaffSignUpPage({ searchParams: Promise.resolve({ uai: ['0350033W', 'X'] }) })],
    ];
    // A page, or Next's redirect (the first code is a valid one: /rejoindre/ABCD): never an error.
    const answer = (render: () => Promise<unknown>) =>
      render().then(
        (out) => (isValidElement(out) ? 'page' : 'nothing'),
        (err: { digest?: string }) => (String(err?.digest).startsWith('NEXT_REDIRECT') ? 'redirect' : `error: ${String(err)}`),
      );
    for (const [url, render] of pages) expect([url, await answer(render)]).toEqual([url, url.startsWith('/rejoindre') ? 'redirect' : 'page']);
  });
});
