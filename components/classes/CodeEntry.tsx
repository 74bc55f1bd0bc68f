// « J'ai un code de classe »: a GET form to /rejoindre (works without JavaScript).
import { Button } from '@/components/ui/Button';
import ui from '@/components/ui/ui.module.css';
import s from './classes.module.css';

export function CodeEntry({ code = '', error }: { code?: string; error?: string }) {
  return (
    <form method="get" action="/rejoindre" aria-label="Saisir le code de ma classe">
      <div className={s.inlineForm}>
        <div className={ui.field}>
          <label htmlFor="code" className={ui.label}>
            Code de ma classe
          </label>
          <span className={ui.hint} id="code-hint">
            6 caractères, donnés par votre professeur principal (par exemple K7M Q2P)
          </span>
          <input
            id="code"
            name="code"
            defaultValue={code}
            autoComplete="off"
            autoCapitalize="characters"
            className={`${ui.input} ${s.code}`}
            aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <p className={ui.error} id="code-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit">Continuer</Button>
      </div>
    </form>
  );
}
