// Types for @socialgouv/jours-feries (the package ships none). It returns local-midnight Dates.
declare module '@socialgouv/jours-feries' {
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
