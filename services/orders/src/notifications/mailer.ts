import nodemailer from 'nodemailer';
import type { MailContent } from './render-mail';

export interface OutgoingMail extends MailContent {
  to: string;
  /** The same for every attempt at one notification, so a mail client shows a repeat only once. */
  messageId: string;
}

/** Sends one mail; throws when the SMTP server does not take it (the consumer retries). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** nodemailer over SMTP (`smtp://host:port`, `smtps://user:pass@host:465`). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
