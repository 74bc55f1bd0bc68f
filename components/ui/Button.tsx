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

/** A link styled as a button; `download`: a file (a route handler), a plain link that Next does not prefetch. */
export function ButtonLink({
  href,
  variant = 'primary',
  small,
  download,
  children,
}: {
  href: string;
  variant?: Variant;
  small?: boolean;
  download?: boolean;
  children: React.ReactNode;
}) {
  if (download) {
    return (
      <a href={href} download className={cls(variant, small)}>
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={cls(variant, small)}>
      {children}
    </Link>
  );
}
