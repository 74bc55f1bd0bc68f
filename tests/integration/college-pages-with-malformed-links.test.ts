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
});
