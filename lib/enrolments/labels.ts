// The words of an enrolment's states, in French: pure, so that client components (the trainees'
// rows, the « Conv » button) show them as the server pages, the CSV and the emails do.
export const ENROLMENT_STATUS = { CONFIRMED: 'Inscrit', WAITING: 'Liste d’attente', CANCELLED: 'Annulé' } as const;
export const ATTENDANCE_LABEL = { PRESENT: 'Présent', ABSENT: 'Absent' } as const;
/**
 * A convention's state in lists (no row yet reads as DRAFT: it is made when first opened). Its page
 * says more of a draft: « à compléter » (something missing) or « prête à signer (non envoyée) ».
 */
export const CONVENTION_LABEL = {
  DRAFT: 'Non envoyée',
  READY: 'Envoyée pour signature',
  PARTIAL: 'Partiellement signée',
  SIGNED: 'Signée',
  CANCELLED: 'Annulée',
} as const;
