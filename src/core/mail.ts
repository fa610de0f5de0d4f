// Outgoing mail is queued in mail_outbox in the caller's transaction; without SMTP it stays there
// and staff read it on the mail log page.
import type { DbOrTx } from './db/index.ts';
import { mailOutbox } from './db/schema.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  unitId?: number | null;
}

export class MailService {
  constructor(readonly smtpConfigured: boolean) {}

  async queue(tx: DbOrTx, mail: Mail): Promise<void> {
    await tx.insert(mailOutbox).values({ toAddress: mail.to, subject: mail.subject, body: mail.body, unitId: mail.unitId ?? null });
  }
}
