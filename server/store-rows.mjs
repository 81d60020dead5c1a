// The row shapes both stores hand out, so the receiver, the CLI and the tests never see which
// database they came from.

const SUBMISSION_COLUMNS = ['id', 'received_at', 'form', 'project', 'recipient', 'name', 'email', 'phone', 'organization', 'subject', 'message', 'legal_basis', 'locale', 'page', 'elapsed_ms'];
const DELIVERY_COLUMNS = ['channel', 'status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at', 'delivered_to', 'delivery_id'];

const iso = (value) => (value === null || value === undefined ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString());

/** A submission as both stores return it: plain values, times as ISO strings, ids as numbers. */
export function submissionRow(row, consents, deliveries) {
  const out = {};
  for (const column of SUBMISSION_COLUMNS) out[column] = row[column];
  out.id = Number(row.id);
  out.received_at = iso(row.received_at);
  // Consent times stay exactly as the form sent them: they are the record of what happened.
  out.consents = consents;
  out.deliveries = deliveries;
  return out;
}

/** Outbox rows grouped by submission id, in the shape `submissionRow` expects. */
export function deliveriesBySubmission(rows) {
  const bySubmission = new Map();
  for (const row of rows) {
    const delivery = {};
    for (const column of DELIVERY_COLUMNS) delivery[column] = row[column];
    delivery.next_attempt_at = iso(row.next_attempt_at);
    delivery.sent_at = iso(row.sent_at);
    const id = Number(row.submission_id);
    bySubmission.set(id, [...(bySubmission.get(id) ?? []), delivery]);
  }
  return bySubmission;
}
