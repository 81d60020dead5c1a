// The outbox worker: takes due rows from the store's outbox and delivers them — by e-mail
// (nodemailer over SMTP) and, for forms that have one, to a signed webhook. A failure is
// retried with exponential backoff (doubling from LOFT_DELIVERY_BACKOFF_MS up to
// LOFT_DELIVERY_BACKOFF_MAX_MS); after LOFT_DELIVERY_ATTEMPTS failures the row is `dead`
// and `npm run submissions` shows it. Delivery is at least once: a receiver killed between
// the SMTP server's "250 OK" and the outbox update sends again after its restart, with the
// same Message-ID, so the resend is recognisably the same message.
import {createHmac} from 'node:crypto';
import nodemailer from 'nodemailer';
import {forForm, mailAddress} from './config.mjs';
import {deliveryAddress} from './feeds.mjs';
import {composeMail, messageId} from './mail.mjs';

/** A failure with a code of ours (the stored `last_error`), instead of a transport's. */
class DeliveryError extends Error {
  constructor(code) {
    super(code);
    this.deliveryCode = code;
  }
}

/**
 * What a failure is stored and logged as: an error code and the SMTP reply code, never the
 * reply text or message (they can quote addresses).
 */
function failureCode(error) {
  if (error.deliveryCode) return error.deliveryCode;
  return [error.code ?? error.name, error.responseCode].filter(Boolean).join(' ');
}

/** E-mail to the recipient the feed names (see feeds.mjs `deliveryAddress`). */
export function emailChannel({smtpUrl, mailFrom}, forms, client) {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const fromAddress = mailAddress(mailFrom);
  return {
    async send({submission, delivery_id: deliveryId}) {
      const ctx = forms.get(submission.form);
      const to = ctx && deliveryAddress(ctx, submission.recipient ?? undefined);
      if (!to) throw new DeliveryError(ctx ? 'no-address' : 'form-not-in-feeds');
      await transport.sendMail({from: mailFrom, to, messageId: messageId(deliveryId, fromAddress), ...composeMail(submission, ctx, client)});
      return to;
    },
    close: () => transport.close(),
  };
}

/**
 * A POST of the submission as JSON to the form's webhook, for case-management systems.
 * `Loft-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with
 * LOFT_WEBHOOK_SECRET>` proves the sender and the time; `Loft-Delivery` is the same on
 * every retry, so the receiving system can drop a repeat.
 */
export function webhookChannel({webhooks, webhookSecret}) {
  return {
    async send({submission, delivery_id: deliveryId}) {
      const url = forForm(webhooks, submission.form);
      if (!url) throw new DeliveryError('webhook-not-configured');
      // Where earlier copies went is the receiver's own record, not the case system's.
      const {deliveries: _deliveries, ...data} = submission;
      const body = JSON.stringify({delivery: deliveryId, submission: data});
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = createHmac('sha256', webhookSecret).update(`${timestamp}.${body}`).digest('hex');
      const response = await fetch(url, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'loft-delivery': deliveryId, 'loft-signature': `t=${timestamp},v1=${signature}`},
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new DeliveryError(`http-${response.status}`);
      const {origin, pathname} = new URL(url);
      return origin + pathname;
    },
    close() {},
  };
}

/**
 * The worker. `channels`: {email?, webhook?} — only rows of these channels are claimed
 * (without SMTP, e-mail rows wait in the outbox until it is configured).
 */
export function createDeliveryWorker({store, channels, attempts, backoffMs, backoffMaxMs, log, concurrency = 2, pollMs}) {
  const names = Object.keys(channels);
  const sleepers = new Set();
  let running = false;
  let loops = [];

  const nap = (ms) =>
    new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  async function attempt(row) {
    const tries = row.attempts + 1;
    const about = {submission: Number(row.submission.id), channel: row.channel, attempt: tries};
    try {
      const deliveredTo = await channels[row.channel].send(row);
      log.info('delivery-sent', about);
      return {status: 'sent', deliveredTo};
    } catch (error) {
      const code = failureCode(error);
      if (tries >= attempts) {
        log.error('delivery-dead', {...about, error: code});
        return {status: 'dead', error: code};
      }
      // Up to a fifth more, so instances that failed together do not retry in step.
      const delay = Math.min(backoffMaxMs, backoffMs * 2 ** (tries - 1)) * (1 + Math.random() / 5);
      log.warn('delivery-failed', {...about, error: code, retryInMs: Math.round(delay)});
      return {status: 'pending', error: code, nextAttemptAt: new Date(Date.now() + delay)};
    }
  }

  async function loop() {
    while (running) {
      let delivered = false;
      try {
        delivered = await store.deliverNext(names, attempt);
      } catch (error) {
        log.error('delivery-store-failed', {error: error.code ?? error.name});
      }
      if (!delivered && running) await nap(pollMs);
    }
  }

  return {
    start() {
      if (running || !names.length) return;
      running = true;
      loops = Array.from({length: concurrency}, loop);
    },
    /** A new row is waiting: no need to wait for the next poll. */
    wake() {
      for (const wake of [...sleepers]) wake();
    },
    /** Stops claiming rows and waits for the attempts in flight. */
    async stop() {
      running = false;
      this.wake();
      await Promise.all(loops);
      for (const channel of Object.values(channels)) channel.close();
    },
  };
}
