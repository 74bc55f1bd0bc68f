// Shared by the « Options » pages of the platform's staff. Who may see each page: requireSite
// (lib/core/guards) in the page, then siteAbilities (lib/sites/guard); the frame is OptionsFrame.
import { requireSite } from '@/lib/core/guards';
import { siteAbilities } from '@/lib/sites/guard';

/** A page of the platform's staff (contacts, enseignants, formations, équipe): its site, whether they administer it, its frame. */
export async function requireOptionsStaff(current: 'contacts' | 'enseignants' | 'formations' | 'equipe') {
  const g = await requireSite('stages:publish', `/options/${current}`);
  if (!g.ok) return g;
  const { staff, admin, college } = siteAbilities(g.actor);
  return { ok: true as const, site: g.site, admin, frame: { current, staff, college } };
}
