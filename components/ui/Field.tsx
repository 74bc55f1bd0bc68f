import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import s from './ui.module.css';

type FieldFrameProps = { label: ReactNode; hint?: ReactNode; error?: string; id: string; children: ReactNode };

function FieldFrame({ label, hint, error, id, children }: FieldFrameProps) {
  return (
    <div className={s.field}>
      <label className={s.label} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className={s.hint} id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <p className={s.error} id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, hint?: ReactNode, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; error?: string };

/** An input with its label, hint and error, wired for assistive technologies. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, hint, error, id, ...rest }, ref) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame label={label} hint={hint} error={error} id={fid}>
      <input ref={ref} id={fid} className={s.input} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fid, hint, error)} {...rest} />
    </FieldFrame>
  );
});

/** A choice of a list: its value, shown as it is or with a label. */
type SelectOption = string | { value: string; label: ReactNode };

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; hint?: ReactNode; error?: string; options?: readonly SelectOption[] };

/** A select with its label, hint and error; `options` come after the children (a first « Choisissez… »). */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, hint, error, id, children, options = [], ...rest }, ref) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame label={label} hint={hint} error={error} id={fid}>
      <select ref={ref} id={fid} className={s.input} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fid, hint, error)} {...rest}>
        {children}
        {options.map((o) => {
          const { value, label: text } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </FieldFrame>
  );
});

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; hint?: ReactNode; error?: string };

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField({ label, hint, error, id, ...rest }, ref) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame label={label} hint={hint} error={error} id={fid}>
      <textarea ref={ref} id={fid} className={s.input} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fid, hint, error)} {...rest} />
    </FieldFrame>
  );
});

export const Checkbox = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; error?: string }>(function Checkbox(
  { label, id, error, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <div className={s.checkbox}>
      <input ref={ref} type="checkbox" id={fid} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fid}-error` : undefined} {...rest} />
      <label htmlFor={fid}>{label}</label>
      {error ? (
        <p className={s.error} id={`${fid}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
