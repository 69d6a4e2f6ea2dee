import type { InboundEventLogView } from '@golddesk/contracts';
import type { Language } from '../../platform/http/errors.js';
import { wordNotes } from './inbound-notes.js';
import type { InboundEventRow } from './integration.repository.js';

/** A stored inbound event as the settings page lists it, its note in the reader's language; the payload stays on the server. */
export function presentInboundEvent(row: InboundEventRow, language: Language): InboundEventLogView {
  return {
    id: row.event_id,
    type: row.type,
    orderNo: row.order_no,
    status: row.status,
    note: wordNotes(row.note, language),
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
  };
}
