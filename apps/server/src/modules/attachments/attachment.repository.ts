import type { Queryable } from '../../platform/db/database.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type AttachmentRow = Selectable<Database['attachments']>;

export async function insertAttachment(db: Queryable, row: AttachmentRow) {
  await db.insertInto('attachments').values(row).execute();
}

/** Metadata only: the bytes stay in the database until someone opens the image. */
export async function findAttachment(db: Queryable, shopId: string, id: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'shop_id', 'content_type', 'size', 'created_at'])
    .where('id', '=', id)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
}

export async function readAttachmentBytes(db: Queryable, id: string) {
  return db.selectFrom('attachments').select(['content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
}

/** Bytes stored so far by one uploader of the shop (index attachments(shop_id, uploaded_by)). */
export async function sumUploadedBytes(db: Queryable, shopId: string, uploadedBy: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
    .where('shop_id', '=', shopId)
    .where('uploaded_by', '=', uploadedBy)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
