import {
  phoneForViewer,
  type CapabilityHolder,
  type CustomerCrmView,
  type CustomerRow,
  type CustomerType,
  type NoteView,
  type SegmentFilter,
  type SegmentView,
  type TagView,
} from '@golddesk/contracts';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { NoteRow, SegmentRow, TagRow } from './crm.repository.js';

type BuyerRow = Selectable<Database['buyers']>;

export function presentTag(row: TagRow & { buyer_count?: number | string }): TagView {
  return {
    id: row.id,
    name: row.name,
    color: row.color as TagView['color'],
    ...(row.buyer_count !== undefined ? { buyerCount: Number(row.buyer_count) } : {}),
  };
}

export function presentNote(row: NoteRow): NoteView {
  return {
    id: row.id,
    text: row.text,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

export function presentSegment(row: SegmentRow): SegmentView {
  return {
    id: row.id,
    name: row.name,
    filter: JSON.parse(row.filter_json) as SegmentFilter,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export interface CrmParts {
  buyer: BuyerRow;
  tags: TagRow[];
  notes: NoteRow[];
  addresses: {
    receiver_name: string;
    receiver_phone: string;
    receiver_address: string;
    province: string | null;
    last_used_at: string;
    order_count: number;
  }[];
  lastOrderAt: string | null;
}

/** The right pane's 客户 360 block, with receivers' phones as the viewing agent may see them. */
export function presentCrm(parts: CrmParts, viewer: CapabilityHolder): CustomerCrmView {
  const { buyer } = parts;
  return {
    customerType: buyer.customer_type
      ? {
          key: buyer.customer_type as CustomerType,
          setBy: buyer.customer_type_set_by ?? '',
          setAt: buyer.customer_type_set_at ?? buyer.created_at,
        }
      : null,
    tags: parts.tags.map(presentTag),
    notes: parts.notes.map(presentNote),
    addresses: parts.addresses.map((a, i) => ({
      name: a.receiver_name,
      phone: phoneForViewer(a.receiver_phone, viewer),
      province: a.province,
      address: a.receiver_address,
      lastUsedAt: a.last_used_at,
      orderCount: a.order_count,
      usual: i === 0,
    })),
    blocked: buyer.blocked_at
      ? {
          blockedAt: buyer.blocked_at,
          blockedBy: { id: buyer.blocked_by ?? null, name: buyer.blocked_by_name ?? '' },
          reason: buyer.block_reason ?? null,
        }
      : null,
    lastOrderAt: parts.lastOrderAt,
  };
}

export interface CustomerListRow {
  id: string;
  nick: string;
  vip_level: number;
  province: string | null;
  customer_type: string | null;
  blocked_at: string | null;
  paid_count: number;
  spent_fen: number;
  last_order_at: string | null;
  held_messages: number;
  conversation_id: string | null;
}

export function presentCustomerRow(row: CustomerListRow, tags: TagRow[]): CustomerRow {
  return {
    id: row.id,
    nick: row.nick,
    vipLevel: row.vip_level,
    province: row.province,
    customerType: (row.customer_type as CustomerType | null) ?? null,
    tags: tags.map(presentTag),
    orderCount: row.paid_count,
    spentFen: row.spent_fen,
    lastOrderAt: row.last_order_at,
    blocked: !!row.blocked_at,
    heldMessages: row.held_messages,
    conversationId: row.conversation_id,
  };
}
