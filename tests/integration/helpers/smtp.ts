// A real SMTP server for the tests (smtp-server, on 127.0.0.1 and a free port), keeping each
// message it accepts as mailparser reads it. `refuse` makes it answer 550 to every recipient.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { TLSSocket } from "node:tls";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type Caught = {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: Map<string, unknown>;
  /** The common name of the TLS client certificate the sender presented, if any. */
  clientCert: string | null;
};

export type TestSmtp = { url: string; port: number; messages: Caught[]; refuse: boolean; close(): Promise<void>; clear(): void };

export async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const state: TestSmtp = { url: "", port: 0, messages: [], refuse: false, close: async () => {}, clear: () => void (state.messages.length = 0) };
  const clientCerts = new Map<string, string | null>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: options.secure ? [] : ["STARTTLS"],
    logger: false,
    ...options,
    onSecure(socket, session, callback) {
      const cert = (socket as TLSSocket).getPeerCertificate?.();
      const cn = cert?.subject?.CN;
      clientCerts.set(session.id, typeof cn === "string" ? cn : null);
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.refuse) {
        const error = new Error(`550 Mailbox unavailable: ${address.address}`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
            headers: mail.headers,
            clientCert: clientCerts.get(session.id) ?? null,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `${options.secure ? "smtps" : "smtp"}://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** Waits until `predicate` holds (the worker delivers asynchronously), at most `ms`. */
export async function until(predicate: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error("condition non atteinte à temps");
    await new Promise((r) => setTimeout(r, 50));
  }
}
