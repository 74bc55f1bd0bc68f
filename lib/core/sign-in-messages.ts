// What the account pages say (no Node dependency: client and server components import it).
export type SignInFailure = 'INVALID' | 'THROTTLED' | 'NOT_ACTIVATED' | 'PENDING_REVIEW' | 'DISABLED' | 'UNAVAILABLE';

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  INVALID: 'Adresse email ou mot de passe incorrect. Vérifiez votre saisie.',
  THROTTLED:
    'Trop de tentatives de connexion. Par sécurité, patientez 15 minutes avant de réessayer. Si vous avez oublié votre mot de passe, choisissez-en un nouveau avec « Mot de passe oublié ? ».',
  NOT_ACTIVATED: "Votre compte n'est pas encore activé. Cliquez sur le lien reçu par email, ou demandez un nouveau message d'activation.",
  PENDING_REVIEW: "Votre demande d'inscription est en cours d'examen par l'équipe technique. Vous recevrez un email dès qu'elle sera traitée.",
  DISABLED: 'Ce compte est désactivé. Contactez votre chef d’établissement ou l’équipe technique.',
  UNAVAILABLE: 'La connexion est momentanément impossible. Réessayez dans un instant ; si cela persiste, contactez l’équipe technique.',
};

/** What the activation form says when the link is good but the activation is refused (the link's own states: LINK_TEXTS.activation in lib/core/links.ts). */
export const ACTIVATION_MESSAGES = {
  WRONG_PASSWORD:
    'Ce mot de passe n’est pas celui choisi lors de l’inscription. Si vous n’avez pas fait cette inscription vous-même, utilisez « Mot de passe oublié ? » : le lien reçu vous fera choisir votre mot de passe et activera le compte.',
  THROTTLED: 'Trop de tentatives. Par sécurité, patientez 15 minutes avant de réessayer.',
} as const;
