import sharp from 'sharp';
import { AppError } from '../../platform/http/errors.js';

/** Larger pictures are refused before decoding: a small file can unpack into gigabytes of pixels. */
export const MAX_IMAGE_MEGAPIXELS = 50;

/**
 * Re-encodes an uploaded image from its pixels alone, so nothing the camera or an editor wrote rides along: no
 * EXIF (GPS position, device, time), XMP, IPTC or comments. A photo is first turned upright by its EXIF
 * orientation, since that tag goes too. Colour profiles are converted to sRGB rather than kept. Decoding runs on
 * libvips' threads, not the event loop. An unreadable file is refused as not an image.
 */
export async function stripImageMetadata(bytes: Buffer, contentType: string): Promise<Buffer> {
  const animated = contentType === 'image/gif' || contentType === 'image/webp';
  // failOn 'none': a slightly damaged file that browsers still show (bad CRC, cut short) is accepted as they show it.
  const input = () => sharp(bytes, { animated, failOn: 'none', limitInputPixels: MAX_IMAGE_MEGAPIXELS * 1_000_000 });
  try {
    const { pages = 1 } = await input().metadata();
    const image = pages > 1 ? input() : input().autoOrient();
    switch (contentType) {
      case 'image/jpeg':
        return await image.jpeg({ quality: 90 }).toBuffer();
      case 'image/png':
        return await image.png().toBuffer();
      case 'image/webp':
        return await image.webp({ quality: 90 }).toBuffer();
      default:
        return await image.gif().toBuffer();
    }
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError('image_too_many_pixels', { megapixels: MAX_IMAGE_MEGAPIXELS });
    }
    throw new AppError('unsupported_media_type');
  }
}
