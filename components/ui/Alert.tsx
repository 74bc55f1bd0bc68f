import type { ReactNode } from 'react';
import type { FormMessage as Message } from '@/components/ui/useActionForm';
import s from './ui.module.css';

export type AlertProps = { tone?: 'info' | 'success' | 'error' | 'warning'; title?: ReactNode; children?: ReactNode };

/** Errors are announced at once (role="alert"); other messages politely (role="status"). */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  return (
    <div className={`${s.alert} ${s[`alert-${tone}`]}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className={s.alertTitle}>{title}</p> : null}
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}

/** A form's message after sending (success or error), nothing before. */
export function FormMessage({ message }: { message: Message }) {
  return message ? <Alert tone={message.tone}>{message.text}</Alert> : null;
}
