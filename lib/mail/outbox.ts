// The outbox: an email is a row written in the same transaction as the change that causes it.
import type { ReactElement } from 'react';
import type { Tx } from '../core/db.ts';
import { renderEmail } from './render.ts';
import * as clock from '../core/clock.ts';

/** A file sent with the email: an invitation's .ics, a convention's PDF. */
type EmailAttachment = { filename: string; contentType: string; content: string | Uint8Array };

export type OutgoingEmail = {
  /** The template's file name in emails/, for the record. */
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
  attachments?: readonly EmailAttachment[];
};

/** Renders the email and stores it (with its attachments) for the worker; call inside the change's transaction. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  const { html, text } = await renderEmail(email.element);
  const attachments = (email.attachments ?? []).map((a, position) => ({
    position,
    filename: a.filename,
    contentType: a.contentType,
    content: typeof a.content === 'string' ? new Uint8Array(Buffer.from(a.content, 'utf8')) : new Uint8Array(a.content),
  }));
  return tx.outboxEmail.create({
    data: {
      template: email.template,
      to: email.to,
      subject: email.subject,
      html,
      text,
      nextAttemptAt: clock.now(),
      ...(attachments.length ? { attachments: { create: attachments } } : {}),
    },
    select: { id: true },
  });
}
