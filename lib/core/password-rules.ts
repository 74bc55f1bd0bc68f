// Password rules without any Node dependency: importable by the browser's forms.
export const PASSWORD_MIN_LENGTH = 12;
