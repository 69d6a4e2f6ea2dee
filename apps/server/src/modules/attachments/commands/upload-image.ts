import { randomBytes } from 'node:crypto';
import type { ImageAttachment } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { presentAttachment } from '../attachment.presenter.js';
import { insertAttachment } from '../attachment.repository.js';
import { stripImageMetadata } from '../strip-image-metadata.js';
import { requireUploadQuota, uploaderOf } from '../upload-limits.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

// Magic numbers, so a renamed file cannot pass as an image.
const SIGNATURES: Record<(typeof IMAGE_TYPES)[number], (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export interface UploadImageProps {
  /** The Content-Type the client declared. */
  contentType: string;
  /** The raw file. */
  bytes: Buffer;
}

/**
 * Stores a chat image in the database, so every server process can serve it. What is stored is the image
 * re-encoded without its metadata (a buyer's photo must not hand the shop their GPS position), and a buyer's
 * images count against their quota.
 */
export async function uploadImage(ctx: CommandContext, props: UploadImageProps): Promise<ImageAttachment> {
  const type = props.contentType.split(';')[0]!.trim().toLowerCase() as (typeof IMAGE_TYPES)[number];
  if (!IMAGE_TYPES.includes(type) || !SIGNATURES[type](props.bytes)) throw new AppError('unsupported_media_type');
  if (props.bytes.length > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', { limit: '5 MB' });
  const bytes = await stripImageMetadata(props.bytes, type);
  await requireUploadQuota(ctx.app, ctx.app.storage.db, ctx.actor, bytes.length);
  const row = {
    id: randomBytes(18).toString('base64url'),
    shop_id: ctx.actor.shopId,
    content_type: type,
    size: bytes.length,
    bytes,
    uploaded_by: uploaderOf(ctx.actor),
    created_at: ctx.app.now().toISOString(),
  };
  await insertAttachment(ctx.app.storage.db, row);
  return presentAttachment(row);
}
