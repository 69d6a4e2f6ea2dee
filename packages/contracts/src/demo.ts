import { z } from 'zod';
import { ShopSlug } from './auth.js';

/**
 * DEMO ONLY: the demo shop's stand-in for "the shop's backend", which signs a demo buyer's identity so the
 * widget's identify() can be tried on /demo-shop. A real shop signs on its own server, never in the browser.
 */
export const DemoIdentityRequest = z.object({
  shop: ShopSlug,
  buyer: z
    .string()
    .regex(/^demo-buyer-\d{3}$/)
    .optional()
    .describe("a demo buyer's visitor id; default demo-buyer-001"),
});
export type DemoIdentityRequest = z.infer<typeof DemoIdentityRequest>;

export const DemoIdentityResponse = z.object({
  /** What GoldDesk.identify() takes. */
  identity: z.object({ externalId: z.string(), timestamp: z.number().int(), signature: z.string() }),
  buyer: z.object({ nick: z.string() }),
});
export type DemoIdentityResponse = z.infer<typeof DemoIdentityResponse>;
