import { LoginResponse, SetupRequest, SetupStatusResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { isSetupNeeded, setUpShop } from './commands/set-up-shop.js';

export function registerSetupRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/setup',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Whether first-run setup is needed',
        tags: ['setup'],
        security: [],
        response: { 200: SetupStatusResponse },
      },
    },
    async () => ({ needed: await isSetupNeeded(ctx) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'First run: create the shop and its owner (only while no shop exists)',
        tags: ['setup'],
        security: [],
        body: SetupRequest,
        response: { 200: LoginResponse },
      },
    },
    async (request) => setUpShop(ctx, { ...request.body, address: request.ip }),
  );
}
