// Shared by the « Options » pages: the frame (title and sub-navigation). Who may see each page:
// requireSite / requireUser (lib/core/guards) in the page, then siteAbilities (lib/sites/guard).
import { OptionsNav, type OptionsKey } from '@/components/sites/OptionsNav';

export function OptionsFrame({ current, staff, college, children }: { current: OptionsKey; staff: boolean; college: boolean; children: React.ReactNode }) {
  return (
    <div className="stack">
      <h1>Options</h1>
      <OptionsNav current={current} staff={staff} college={college} />
      {children}
    </div>
  );
}
