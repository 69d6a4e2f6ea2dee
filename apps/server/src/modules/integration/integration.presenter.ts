import type { InboundEventLogView } from '@golddesk/contracts';
import type { InboundEventRow } from './integration.repository.js';

/** A stored inbound event as the settings page lists it; the payload stays on the server. */
export function presentInboundEvent(row: InboundEventRow): InboundEventLogView {
  return {
    id: row.event_id, type: row.type, orderNo: row.order_no, status: row.status, note: row.note,
    occurredAt: row.occurred_at, receivedAt: row.received_at,
  };
}
