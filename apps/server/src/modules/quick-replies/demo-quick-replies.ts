import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { defaultTeamPhraseRows } from './default-quick-replies.js';
import { insertQuickReplies } from './quick-reply.repository.js';

// One personal phrase per demo agent (username → [code, content]).
const PERSONAL_PHRASES: Record<string, [string, string]> = {
  owner: ['店长', '亲，我是店长{客服昵称}，您的问题我已经了解，马上为您协调处理，请放心～'],
  presale1: ['推荐', '亲，这款是咱们店的爆款，好评率很高，{店铺活动}，现在入手很合适哦～'],
  aftersale1: ['跟进', '亲，您的问题我已经记录下来了，处理进展会第一时间告诉您，感谢您的耐心～'],
  support1: ['改备注', '亲，已帮您在订单 {订单号} 上备注好了，仓库发货时会按备注处理哦～'],
};

/** 快捷短语 of the demo shop: the default team phrases a new shop gets, and one personal phrase per agent. */
export async function seedDemoQuickReplies(
  db: Queryable,
  props: { shopId: string; agents: Map<string, { id: string; name: string }>; at: string },
): Promise<void> {
  const rows = defaultTeamPhraseRows({ shopId: props.shopId, createdBy: props.agents.get('owner')?.id ?? '', at: props.at });
  const at = (i: number) => new Date(Date.parse(props.at) + i * 1000).toISOString();
  const base = { shop_id: props.shopId, attachment_id: null };
  for (const [username, [code, content]] of Object.entries(PERSONAL_PHRASES)) {
    const agent = props.agents.get(username);
    if (agent) {
      rows.push({
        ...base,
        id: newId(),
        scope: 'personal',
        owner_id: agent.id,
        group_name: '我的',
        code,
        content,
        created_by: agent.id,
        created_at: at(rows.length),
        updated_at: at(rows.length),
      });
    }
  }
  await insertQuickReplies(db, rows);
}
