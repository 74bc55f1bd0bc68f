// An in-test SMTP server that keeps every message it accepts, with its headers read (Message-ID,
// To, Subject). `beforeReply` runs once a message is received and before the server answers 250
// (a test kills the sending process there); `down()` closes the port (connections refused) and
// `up()` listens on it again.
import { SMTPServer } from 'smtp-server';

type Delivery = { messageId: string; to: string; subject: string; headers: Record<string, string>; raw: string };

export type SmtpCapture = {
  url: string;
  deliveries: Delivery[];
  /** Runs for each message before the 250 reply; its index counts from 1. */
  beforeReply: ((delivery: Delivery, index: number) => void | Promise<void>) | null;
  down: () => Promise<void>;
  up: () => Promise<void>;
  close: () => Promise<void>;
};

/** The header block of a raw message, unfolded, names in lower case. */
export function readHeaders(raw: string): Record<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const m = /^([^:\s]+):\s*(.*)$/.exec(line);
    if (m) headers[m[1].toLowerCase()] ??= m[2].trim();
  }
  return headers;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  let port = 0;
  let server: SMTPServer | null = null;
  const capture: SmtpCapture = {
    url: '',
    deliveries: [],
    beforeReply: null,
    down: async () => {
      const s = server;
      server = null;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    up: () => listen(),
    close: () => capture.down(),
  };
  const listen = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = readHeaders(raw);
          const delivery = { messageId: headers['message-id'] ?? '', to: headers.to ?? '', subject: headers.subject ?? '', headers, raw };
          capture.deliveries.push(delivery);
          Promise.resolve(capture.beforeReply?.(delivery, capture.deliveries.length)).then(
            () => cb(),
            (err: Error) => cb(err),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as { port: number }).port;
    capture.url = `smtp://127.0.0.1:${port}`;
    server = s;
  };
  await listen();
  return capture;
}
