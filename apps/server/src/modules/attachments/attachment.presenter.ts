import type { ImageAttachment } from '@golddesk/contracts';

export function presentAttachment(row: { id: string; content_type: string; size: number }): ImageAttachment {
  return { id: row.id, url: `/api/v1/attachments/${row.id}`, contentType: row.content_type, size: Number(row.size) };
}
