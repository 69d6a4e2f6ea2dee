import type { QuickReplyView } from '@golddesk/contracts';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { mayEditQuickReply } from './quick-reply.policy.js';
import { pinyinOfCode } from './quick-reply-pinyin.js';
import type { QuickReplyRow, QuickReplyWithUses } from './quick-reply.repository.js';

/** The only way a phrase leaves the server. */
export function presentQuickReply(row: QuickReplyRow | QuickReplyWithUses, viewer: AgentPrincipal): QuickReplyView {
  const uses = 'my_uses' in row ? row : { my_uses: 0, team_uses: 0, last_used_at: null };
  return {
    id: row.id,
    scope: row.scope === 'personal' ? 'personal' : 'team',
    group: row.group_name,
    code: row.code,
    pinyin: pinyinOfCode(row.code),
    content: row.content,
    imageAttachmentId: row.attachment_id,
    imageUrl: row.attachment_id ? `/api/v1/attachments/${row.attachment_id}` : null,
    myUses: uses.my_uses,
    teamUses: uses.team_uses,
    lastUsedAt: uses.last_used_at,
    editable: mayEditQuickReply(viewer, row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
