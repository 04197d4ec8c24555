import { readFileSync } from "node:fs";
import net from "node:net";
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";
import type { OutboxChannel } from "@/lib/generated/prisma/enums";

// The SMTP side: an ordinary transport (SMTP_URL) and, when its certificate is configured, the
// MSSanté one (SMTP over TLS with the IGC-Santé client certificate). No SMTP_URL: no transport,
// the worker keeps the messages (status KEPT, readable in /admin/envois).

export type OutgoingMail = { id: bigint; to: string; subject: string; text: string };

export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void };

export type Transports = { EMAIL: Mailer | null; MSSANTE: Mailer | null };

type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  pool: true;
  maxConnections: number;
  maxMessages?: number;
  requireTLS?: boolean;
  tls?: { cert: Buffer; key: Buffer; ca?: Buffer; minVersion: "TLSv1.2" };
};

/** smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
export function smtpOptions(url: string): Pick<SmtpOptions, "host" | "port" | "secure" | "auth"> {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const auth = parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined;
  return { host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, ...(auth ? { auth } : {}) };
}

// Our own TCP connection, with Nagle's algorithm off: nodemailer writes the end of DATA (".") as a
// small segment of its own, which otherwise waits for the server's delayed ACK — 40 ms per message,
// about 25 messages per second per connection. (TLS, for smtps, is set up by nodemailer over it.)
function connectNoDelay(options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) {
  const socket = net.connect({ host: options.host, port: options.port ?? 587 });
  socket.setNoDelay(true);
  const onError = (error: Error) => callback(error);
  socket.once("error", onError);
  socket.once("connect", () => {
    // From here on, errors are nodemailer's to handle (it listens on the socket).
    socket.off("error", onError);
    callback(null, { connection: socket });
  });
}

function smtpMailer(options: SmtpOptions, from: string, extraHeaders: Record<string, string> = {}): Mailer {
  const transport = nodemailer.createTransport({ ...options, getSocket: connectNoDelay } as SmtpOptions);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // Stable per outbox row: if a crash after the server accepted it makes us send it again,
        // the receiving side sees the same message.
        messageId: `<outbox-${mail.id}@maillage>`,
        headers: extraHeaders,
      });
    },
    close: () => transport.close(),
  };
}

export function createTransports(
  config: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "MSSANTE_SMTP_URL" | "MSSANTE_CERT_PATH" | "MSSANTE_KEY_PATH"> & { MSSANTE_CA_PATH?: string },
): Transports {
  // Pooled: a few connections reused for the whole queue rather than one handshake per message.
  const email = config.SMTP_URL ? smtpMailer({ ...smtpOptions(config.SMTP_URL), pool: true, maxConnections: 4, maxMessages: 500 }, config.MAIL_FROM) : null;
  const secureUrl = config.MSSANTE_SMTP_URL ?? config.SMTP_URL;
  const mssante =
    config.MSSANTE_CERT_PATH && config.MSSANTE_KEY_PATH && secureUrl
      ? smtpMailer(
          {
            ...smtpOptions(secureUrl),
            pool: true,
            maxConnections: 2,
            requireTLS: true,
            tls: {
              cert: readFileSync(config.MSSANTE_CERT_PATH),
              key: readFileSync(config.MSSANTE_KEY_PATH),
              ...(config.MSSANTE_CA_PATH ? { ca: readFileSync(config.MSSANTE_CA_PATH) } : {}),
              minVersion: "TLSv1.2",
            },
          },
          config.MAIL_FROM,
          { "X-MSS-Origin": "Maillage" },
        )
      : null;
  return { EMAIL: email, MSSANTE: mssante };
}

export function closeTransports(transports: Transports): void {
  for (const channel of ["EMAIL", "MSSANTE"] as OutboxChannel[]) transports[channel]?.close();
}
