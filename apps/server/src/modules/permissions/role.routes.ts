import { can, CreateRoleRequest, ListRolesResponse, RoleKey, RoleResponse, UpdateRoleRequest } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { createRole } from './commands/create-role.js';
import { deleteRole } from './commands/delete-role.js';
import { updateRole } from './commands/update-role.js';
import { listRoles } from './queries/list-roles.js';

const RoleParams = z.object({ key: RoleKey });

/** 团队 → 角色与权限: the permissions matrix (the owner changes it, managers read it). */
export function registerRoleRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/team/roles',
    {
      schema: {
        summary: 'The permissions matrix: roles (built-in and custom) with capabilities and limits, and the capability rows',
        tags: ['team'],
        response: { 200: ListRolesResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      if (!can(agent, 'team.view_roles') && !can(agent, 'team.manage_roles')) throw new AppError('forbidden');
      return listRoles(ctx.storage.db, agent.shopId, languageOf(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/v1/team/roles',
    {
      config: { capability: 'team.manage_roles' },
      schema: {
        summary: 'Make a custom role (e.g. 大促临时工): nothing granted, or a copy of another role (copyFrom)',
        tags: ['team'],
        body: CreateRoleRequest,
        response: { 201: RoleResponse },
      },
    },
    async (request, reply) => {
      const language = languageOf(request.headers['accept-language']);
      const role = await createRole({ app: ctx, actor: agentOf(request) }, { ...request.body, language });
      return reply.status(201).send({ role });
    },
  );

  app.patch(
    '/api/v1/team/roles/:key',
    {
      config: { capability: 'team.manage_roles' },
      schema: {
        summary:
          "Change a role: its capabilities (the whole column), limits {discount 0–1, compensationFen}, a custom role's name; never the owner's",
        tags: ['team'],
        params: RoleParams,
        body: UpdateRoleRequest,
        response: { 200: RoleResponse },
      },
    },
    async (request) => {
      const language = languageOf(request.headers['accept-language']);
      const role = await updateRole(
        { app: ctx, actor: agentOf(request) },
        { ...request.body, key: request.params.key, language },
      );
      return { role };
    },
  );

  app.delete(
    '/api/v1/team/roles/:key',
    {
      config: { capability: 'team.manage_roles' },
      schema: {
        summary: 'Delete a custom role (refused while agents hold it)',
        tags: ['team'],
        params: RoleParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRole({ app: ctx, actor: agentOf(request) }, request.params.key);
      return reply.status(204).send(null);
    },
  );
}
