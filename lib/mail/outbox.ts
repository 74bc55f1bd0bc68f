// The outbox: an email is a row written in the same transaction as the change that causes it.
import type { ReactElement } from 'react';
import type { Tx } from '../core/db.ts';
import { renderEmail } from './render.ts';
import * as clock from '../core/clock.ts';

export type OutgoingEmail = {
  /** The template's file name in emails/, for the record. */
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
};

/** Renders the email and stores it for the worker; call inside the change's transaction. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  const { html, text } = await renderEmail(email.element);
  const row = await tx.outboxEmail.create({
    data: { template: email.template, to: email.to, subject: email.subject, html, text, nextAttemptAt: clock.now() },
    select: { id: true },
  });
  return row;
}

/** Renders first (outside the transaction), then returns a writer for inside it. */
export async function prepareEmail(email: OutgoingEmail) {
  const { html, text } = await renderEmail(email.element);
  return (tx: Tx) =>
    tx.outboxEmail.create({ data: { template: email.template, to: email.to, subject: email.subject, html, text, nextAttemptAt: clock.now() }, select: { id: true } });
}
