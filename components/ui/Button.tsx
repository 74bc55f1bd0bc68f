import type { ButtonHTMLAttributes } from 'react';
import Link from 'next/link';
import s from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'danger';
const cls = (variant: Variant, small?: boolean, extra?: string) =>
  [s.button, variant === 'secondary' && s.secondary, variant === 'danger' && s.danger, small && s.small, extra].filter(Boolean).join(' ');

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean; pending?: boolean };

/** A button; `pending` disables it and says so to assistive technologies. */
export function Button({ variant = 'primary', small, pending, children, className, disabled, ...rest }: ButtonProps) {
  return (
    <button className={cls(variant, small, className)} disabled={disabled || pending} aria-busy={pending || undefined} {...rest}>
      {children}
      {pending ? <span className="visually-hidden"> (en cours…)</span> : null}
    </button>
  );
}

/**
 * A link styled as a button. `download`: a file saved under its own name; `file`: a route handler's
 * answer (a PDF, or a page it redirects to) — both plain links that Next neither prefetches nor fetches
 * as a page. `label`: the accessible name when the text alone is not enough (« Conv »).
 */
export function ButtonLink({
  href,
  variant = 'primary',
  small,
  download,
  file,
  label,
  children,
}: {
  href: string;
  variant?: Variant;
  small?: boolean;
  download?: boolean;
  file?: boolean;
  label?: string;
  children: React.ReactNode;
}) {
  if (download || file) {
    return (
      <a href={href} download={download || undefined} className={cls(variant, small)} aria-label={label}>
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={cls(variant, small)} aria-label={label}>
      {children}
    </Link>
  );
}
