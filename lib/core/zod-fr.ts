// zod's default messages in French. A schema's own message always wins; this only speaks when a
// check has none (a hidden id's `.max(40)`, a field of the wrong type, a body that is not an object),
// where zod would answer in English (« Invalid input: expected string, received number »). zod keeps
// its configuration on globalThis: importing this module once per process (the server's runAction,
// the browser's form helpers) is enough.
import { z } from 'zod';

type Issue = { code?: string; expected?: string; origin?: string; maximum?: unknown; minimum?: unknown; format?: string; input?: unknown; path?: unknown[] };

const TYPE: Record<string, string> = {
  string: 'Ce champ attend un texte.',
  number: 'Ce champ attend un nombre.',
  int: 'Ce champ attend un nombre entier.',
  boolean: 'Cette case attend « oui » ou « non ».',
  array: 'Cette liste est mal formée.',
  date: 'Cette date n’est pas valide.',
};

/** The French message for an issue that its schema left without one. */
function frenchIssue(issue: Issue): string {
  const root = !issue.path || issue.path.length === 0;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Ce champ est obligatoire.';
      if (issue.expected === 'object' && root) return 'Le formulaire envoyé est mal formé : rechargez la page, puis recommencez.';
      return TYPE[issue.expected ?? ''] ?? 'Valeur non valide pour ce champ.';
    case 'too_big':
      if (issue.origin === 'string') return `${String(issue.maximum)} caractères au maximum.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${String(issue.maximum)} éléments au maximum.`;
      return `La valeur ne doit pas dépasser ${String(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Ce champ est obligatoire.' : `Au moins ${String(issue.minimum)} caractères.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Au moins ${String(issue.minimum)} élément(s).`;
      return `La valeur doit être au moins ${String(issue.minimum)}.`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Adresse email non valide.' : 'Format non valide.';
    case 'invalid_value':
      return 'Choisissez une valeur de la liste.';
    case 'not_multiple_of':
      return 'Nombre non valide.';
    default:
      return 'Valeur non valide pour ce champ.';
  }
}

z.config({ customError: (issue) => frenchIssue(issue as Issue) });
