// Pages that live only on the portal (root domain): on a platform's host they redirect there.
import { env } from '../core/env.ts';

/** 'http://demo.localhost:3000' → 'http://localhost:3000'. */
export function portalOrigin(requestOrigin: string, rootDomain = env.rootDomain): string {
  try {
    const u = new URL(requestOrigin);
    return `${u.protocol}//${rootDomain}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return `http://${rootDomain}`;
  }
}

export const PORTAL_ONLY_PAGES = ['mot-de-passe-oublie', 'activation', 'identifiant-oublie', 'inscription', 'mon-compte', 'creer-mon-compte'] as const;
