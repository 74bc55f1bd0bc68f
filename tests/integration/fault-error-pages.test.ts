// The pages a person sees when a page load fails on the server (PostgreSQL stopped or restarting,
// above all): app/error.tsx, app/sites/[host]/error.tsx and app/global-error.tsx, rendered as Next
// renders them (the thrown error and `retry`). Checked here directly rather than through a built app:
// in French, « momentanément indisponible, réessayez dans un instant », the incident's reference for
// the technical team, and nothing of the error itself (message, stack) nor a word of English.
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ErrorPage from '@/app/error';
import PlatformErrorPage from '@/app/sites/[host]/error';
import GlobalError from '@/app/global-error';
import { DATABASE_UNAVAILABLE } from '@/lib/core/errors';
import { ServiceUnavailable } from '@/components/ui/ServiceUnavailable';

type ErrorProps = { error: unknown; retry: () => void };

/** What the server's error becomes in the browser in production: a generic message and a digest; in development the message itself. */
function thrown() {
  const err = new Error("Invalid `prisma.user.findUnique()` invocation: Can't reach database server at db.internal:5432 — jeanne.dupont@example.fr");
  return Object.assign(err, { digest: '2749311234' });
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();

describe.each([
  ['app/error.tsx (portal pages, a failed layout)', ErrorPage as ComponentType<ErrorProps>, 'main'],
  ['app/sites/[host]/error.tsx (inside the platform’s layout)', PlatformErrorPage as ComponentType<ErrorProps>, null],
  ['app/global-error.tsx (the root layout failed)', GlobalError as ComponentType<ErrorProps>, 'html'],
])('%s', (_what, Page, outer) => {
  const html = renderToStaticMarkup(createElement(Page, { error: thrown(), retry: () => undefined }));

  it('says in French that the service is momentarily unavailable and to try again in a moment', () => {
    expect(text(html)).toContain('Service momentanément indisponible');
    expect(text(html)).toContain(DATABASE_UNAVAILABLE);
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Réessayer<\/button>/);
    expect(html).toContain('href="/"');
    expect(text(html)).toContain('Retour à l’accueil');
    expect(text(html)).toContain('Si le problème continue, prévenez l’équipe technique en indiquant la référence 2749311234.');
  });

  it('shows nothing of the error: no message, no stack, no English', () => {
    expect(html).not.toMatch(/prisma|invocation|database server|db\.internal|jeanne|example\.fr|\bat \/|\.ts:\d/i);
    expect(text(html)).not.toMatch(/\b(error|something went wrong|try again|unavailable|server|home)\b/i);
  });

  it(outer === 'html' ? 'is a whole French document' : outer === 'main' ? 'is the page’s main content' : 'fits in the platform layout’s <main>', () => {
    // (React puts the <title> in the document's head.)
    if (outer === 'html')
      expect(html).toMatch(/^<html lang="fr"><head><title>Service momentanément indisponible — ministage<\/title><\/head><body><main id="contenu"><div/);
    else if (outer === 'main') expect(html).toMatch(/<main id="contenu"><div class="stack"><h1>Service momentanément indisponible<\/h1>/);
    else expect(html).not.toContain('<main');
  });
});

it('« Réessayer » asks Next to render the page again', () => {
  let retried = 0;
  // ServiceUnavailable holds no state: its element tree, walked to the button, whose handler is called as a click would.
  const tree = ServiceUnavailable({ error: thrown(), retry: () => retried++ });
  const find = (node: unknown): { props: { onClick?: () => void; children?: unknown } } | null => {
    if (!node || typeof node !== 'object') return null;
    if (Array.isArray(node)) return node.map(find).find(Boolean) ?? null;
    const el = node as { type?: unknown; props?: { onClick?: () => void; children?: unknown } };
    if (el.props?.onClick) return el as { props: { onClick: () => void } };
    return find(el.props?.children);
  };
  find(tree)!.props.onClick!();
  expect(retried).toBe(1);
});

it('a thrown value without a digest (a client-side failure) gives no reference', () => {
  const html = renderToStaticMarkup(createElement(ErrorPage as ComponentType<ErrorProps>, { error: 'boom', retry: () => undefined }));
  expect(text(html)).toContain('Si le problème continue, prévenez l’équipe technique.');
  expect(html).not.toContain('boom');
});
