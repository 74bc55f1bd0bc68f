// Small read helpers for the convention pages (no database).
import type { SignatureMark } from '../../components/conventions/ConventionDocument.tsx';
import type { ConventionPage } from './queries.ts';

export function marksOfPage(page: ConventionPage): SignatureMark[] {
  return page.parties.filter((p) => p.signedBy).map((p) => ({ party: p.party, signerName: p.signedBy!, signedAt: p.signedAt! }));
}
