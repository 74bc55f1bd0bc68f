// nodemailer transport from SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS).
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../core/env.ts';

let cached: { url: string; transport: Transporter } | undefined;

export function getTransport(url = env.smtpUrl): Transporter {
  if (cached?.url === url) return cached.transport;
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const local = ['127.0.0.1', 'localhost', '::1'].includes(u.hostname);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    ignoreTLS: local && !secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A stalled server fails the attempt (retried later) rather than holding the row past the worker’s 60 s claim.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  cached = { url, transport };
  return transport;
}
