import { QualityRulesResponse, SaveQualityRulesRequest } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { resetQualityRules } from './commands/reset-quality-rules.js';
import { saveQualityRules } from './commands/save-quality-rules.js';
import { readQualityRules } from './quality-rules.js';

const tags = ['quality'];

export function registerQualityRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/quality/rules',
    {
      schema: {
        summary: "质检规则: the shop's inspection rules (every agent: the chat box checks replies with them as they are typed)",
        tags,
        response: { 200: QualityRulesResponse },
      },
    },
    async (request) => readQualityRules(ctx.storage.db, agentOf(request).shopId),
  );

  app.put(
    '/api/v1/quality/rules',
    {
      // why: a malformed rule is answered by the command, naming the rule and the field (quality_rule_invalid).
      attachValidation: true,
      schema: {
        summary: "Replace the shop's inspection rules (quality.configure); a malformed rule → 400 naming it and its field",
        tags,
        body: SaveQualityRulesRequest,
        response: { 200: QualityRulesResponse },
      },
    },
    async (request) => saveQualityRules({ app: ctx, actor: agentOf(request) }, request.body as unknown),
  );

  app.post(
    '/api/v1/quality/rules/reset',
    {
      schema: {
        summary: 'Back to the built-in inspection rules (quality.configure)',
        tags,
        response: { 200: QualityRulesResponse },
      },
    },
    async (request) => resetQualityRules({ app: ctx, actor: agentOf(request) }),
  );
}
