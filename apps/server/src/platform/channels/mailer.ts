import { desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { FieldCrypto } from '../crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../db/database';
import type { Jobs } from '../jobs/jobs';
import { mailOutbox } from './channels.table';

export const MAIL_QUEUE = 'mail.deliver';

export type OutgoingMail = { orgId: string | null; to: string; subject: string; text: string; template: string; calendar?: string };
export type StoredMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  calendar: string | null;
  status: 'queued' | 'sent' | 'failed' | 'captured';
  createdAt: Date;
};

export type Mailer = {
  /** Writes the mail to the outbox and queues its delivery, both in the caller's transaction. */
  enqueue(tx: Tx, mail: OutgoingMail): Promise<string>;
  list(tx: Tx, limit: number, offset: number): Promise<{ items: StoredMail[]; total: number }>;
  get(tx: Tx, id: string): Promise<StoredMail | null>;
  /** The job handler: sends through SMTP when configured, otherwise keeps the mail in the dev mailbox. */
  deliver(id: string): Promise<void>;
};

export function createMailer(deps: { db: Database; crypto: FieldCrypto; jobs: Jobs; smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  const { db, crypto, jobs } = deps;
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : null;
  const aad = (id: string, field: string) => `notify.mail_outbox.${field}:${id}`;

  const read = async (tx: Tx, row: typeof mailOutbox.$inferSelect): Promise<StoredMail> => ({
    id: row.id,
    to: (await crypto.open(tx, row.toCiphertext, aad(row.id, 'to'))) ?? '[erased]',
    subject: row.subject,
    text: (await crypto.open(tx, row.bodyCiphertext, aad(row.id, 'body'))) ?? '[erased]',
    calendar: row.calendarIcs,
    status: row.status,
    createdAt: row.createdAt,
  });

  return {
    async enqueue(tx, mail) {
      const id = uuidv7();
      await tx.insert(mailOutbox).values({
        id,
        orgId: mail.orgId,
        toCiphertext: await crypto.sealForPlatform(tx, mail.to, aad(id, 'to')),
        subject: mail.subject,
        bodyCiphertext: await crypto.sealForPlatform(tx, mail.text, aad(id, 'body')),
        template: mail.template,
        calendarIcs: mail.calendar ?? null,
      });
      await jobs.send(tx, MAIL_QUEUE, { id });
      return id;
    },
    async list(tx, limit, offset) {
      const rows = await tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit).offset(offset);
      const total = await tx.$count(mailOutbox);
      return { items: await Promise.all(rows.map((r) => read(tx, r))), total };
    },
    async get(tx, id) {
      const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      return row ? read(tx, row) : null;
    },
    async deliver(id) {
      const mail = await db.inContext(systemContext, async (tx) => {
        const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id));
        return row && row.status === 'queued' ? read(tx, row) : null;
      });
      if (!mail) return; // already delivered (a retried job must not send twice)
      if (!transport) {
        await db.inContext(systemContext, (tx) => tx.update(mailOutbox).set({ status: 'captured' }).where(eq(mailOutbox.id, id)));
        return;
      }
      try {
        await transport.sendMail({
          from: deps.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.calendar
            ? { attachments: [{ filename: 'session.ics', content: mail.calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] }
            : {}),
        });
        await db.inContext(systemContext, (tx) => tx.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, id)));
      } catch (error) {
        deps.logger.warn({ err: error, mailId: id }, 'mail delivery failed; it will be retried');
        await db.inContext(systemContext, async (tx) => {
          const [row] = await tx.select({ attempts: mailOutbox.attempts }).from(mailOutbox).where(eq(mailOutbox.id, id));
          await tx
            .update(mailOutbox)
            .set({ attempts: (row?.attempts ?? 0) + 1, lastError: String(error).slice(0, 500) })
            .where(eq(mailOutbox.id, id));
        });
        throw error;
      }
    },
  };
}
