import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import s from './accounts.module.css';

/** « Code UAI » + « Continuer »: a plain GET form (works without JavaScript); the page checks the code. */
export function UaiForm({ action, defaultValue, error, id = 'uai' }: { action: string; defaultValue?: string; error?: string; id?: string }) {
  return (
    <form action={action} method="get" noValidate>
      <div className={s.inline}>
        <div className={s.uaiField}>
          <Field
            id={id}
            name="uai"
            label="Code UAI (RNE) de l’établissement"
            hint="7 chiffres et une lettre, par exemple 0350031U"
            defaultValue={defaultValue}
            error={error}
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
            required
          />
        </div>
        <Button type="submit">Continuer</Button>
      </div>
    </form>
  );
}
