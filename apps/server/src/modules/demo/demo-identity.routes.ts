import { DemoIdentityRequest, DemoIdentityResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { signDemoIdentity } from './commands/sign-demo-identity.js';

/**
 * DEMO ONLY: POST /api/v1/demo/identity signs a demo buyer in on /demo-shop (the 登录 in its header).
 * Registered only while the demo is on (GOLDDESK_DEMO), and only ever signs for the demo shop `demo`.
 */
export function registerDemoIdentityRoutes(app: HttpServer, ctx: AppContext) {
  if (!ctx.config.demo) return;
  app.post(
    '/api/v1/demo/identity',
    {
      config: { auth: 'public' },
      schema: {
        summary: "DEMO ONLY: sign a demo buyer's identity for the widget (a real shop signs on its own backend)",
        tags: ['demo'],
        security: [],
        body: DemoIdentityRequest,
        response: { 200: DemoIdentityResponse },
      },
    },
    async (request) => signDemoIdentity(ctx, request.body),
  );
}
