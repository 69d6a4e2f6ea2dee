import { CheckPhrasingRequest, CheckPhrasingResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { checkReplyPhrasing } from './queries/check-phrasing.js';

const tags = ['assistant'];

export function registerAssistantRoutes(app: HttpServer, ctx: AppContext) {
  app.post(
    '/api/v1/assistant/check-phrasing',
    {
      schema: {
        summary:
          "质检 on a reply before it is sent: the shop's rules that hit it, each with its span ([start, end) in UTF-16 code units), message and rewrite; [] for a fine reply",
        tags,
        body: CheckPhrasingRequest,
        response: { 200: CheckPhrasingResponse },
      },
    },
    async (request) => ({
      hits: await checkReplyPhrasing(ctx, agentOf(request), request.body.text, languageOf(request.headers['accept-language'])),
    }),
  );
}
