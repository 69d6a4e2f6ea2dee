import sharp from 'sharp';

/** Thumbnails fit this box: evidence checklists and timelines show many photos at once. */
const THUMBNAIL_PX = 240;
/** Thumbnails made recently, by attachment id: a checklist opened again does not decode the photos again. */
const made = new Map<string, Buffer>();
const KEEP = 200;

/**
 * A small JPEG of a stored image (the first frame of an animation), never larger than the original. Stored images
 * were re-encoded on upload, so decoding them here is safe; the cache keeps the most recent ones in memory.
 */
export async function imageThumbnail(id: string, bytes: Buffer): Promise<Buffer> {
  const cached = made.get(id);
  if (cached) return cached;
  const thumbnail = await sharp(bytes, { failOn: 'none' })
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
  made.set(id, thumbnail);
  if (made.size > KEEP) made.delete(made.keys().next().value!);
  return thumbnail;
}
