// What the sign-in page says for each refusal (no Node dependency: the browser's form imports it).
export type SignInFailure = 'INVALID' | 'THROTTLED' | 'NOT_ACTIVATED' | 'PENDING_REVIEW' | 'DISABLED';

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  INVALID: 'Adresse email ou mot de passe incorrect. Vérifiez votre saisie.',
  THROTTLED: 'Trop de tentatives de connexion. Par sécurité, patientez 15 minutes avant de réessayer.',
  NOT_ACTIVATED:
    "Votre compte n'est pas encore activé. Cliquez sur le lien reçu par email, ou demandez un nouveau message d'activation.",
  PENDING_REVIEW:
    "Votre demande d'inscription est en cours d'examen par l'équipe technique. Vous recevrez un email dès qu'elle sera traitée.",
  DISABLED: 'Ce compte est désactivé. Contactez votre chef d’établissement ou l’équipe technique.',
};
