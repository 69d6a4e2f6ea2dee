import type { Generated } from 'kysely';

/** Row types of every table. Timestamps are ISO 8601 UTC text on both dialects so ordering and code are shared. */
export interface Database {
  settings: { key: string; value: string };
  shops: { id: string; slug: string; name: string; created_at: string; settings: string | null };
  agents: {
    id: string;
    shop_id: string;
    username: string;
    name: string;
    role: string;
    password_hash: string;
    created_at: string;
  };
  buyers: {
    id: string;
    shop_id: string;
    visitor_id: string;
    nick: string;
    phone: string | null;
    province: string | null;
    city: string | null;
    vip_level: number;
    created_at: string;
    last_seen_at: string | null;
  };
  conversations: {
    id: string;
    shop_id: string;
    buyer_id: string;
    status: string;
    assignee_id: string | null;
    last_seq: number;
    last_message_id: string | null;
    waiting_since: string | null;
    agent_read_seq: number;
    buyer_read_seq: number;
    created_at: string;
    updated_at: string;
  };
  messages: {
    id: string;
    shop_id: string;
    conversation_id: string;
    seq: number;
    sender: string;
    agent_id: string | null;
    kind: string;
    body: string;
    payload: string | null;
    client_msg_id: string | null;
    created_at: string;
  };
  message_search: { message_id: string; shop_id: string; conversation_id: string; search_text: string };
  attachments: {
    id: string;
    shop_id: string;
    content_type: string;
    size: number;
    bytes: Buffer;
    uploaded_by: string;
    created_at: string;
  };
  products: {
    id: string;
    shop_id: string;
    title: string;
    category: string;
    price_fen: number;
    image_url: string | null;
    description: string;
    listing_notes: string | null;
    size_chart: string | null;
    created_at: string;
  };
  product_skus: { id: string; shop_id: string; product_id: string; props: string; price_fen: number; stock: number };
  orders: {
    id: string;
    shop_id: string;
    buyer_id: string;
    order_no: string;
    status: string;
    total_fen: number;
    receiver_name: string;
    receiver_phone: string;
    receiver_address: string;
    carrier: string | null;
    tracking_no: string | null;
    memo: string | null;
    placed_at: string;
    paid_at: string | null;
    shipped_at: string | null;
    signed_at: string | null;
    completed_at: string | null;
    closed_at: string | null;
    memo_flag: string | null;
    close_reason: string | null;
    receiver_province: string | null;
    external_id: string | null;
    updated_at: string | null;
    /** The total before any 改价; null while the price was never changed. */
    original_total_fen: number | null;
  };
  order_items: {
    id: Generated<number>;
    order_id: string;
    product_id: string;
    title: string;
    sku_props: string;
    price_fen: number;
    quantity: number;
    sku_id: string | null;
  };
  audit_log: {
    id: string;
    shop_id: string;
    actor_kind: string;
    actor_id: string | null;
    actor_name: string;
    action: string;
    target_type: string;
    target_id: string;
    before_json: string | null;
    after_json: string | null;
    created_at: string;
  };
  idempotency_keys: { shop_id: string; key: string; response_json: string; created_at: string };
  approval_requests: {
    id: string;
    shop_id: string;
    kind: string;
    status: string;
    target_id: string;
    payload_json: string;
    reason: string | null;
    requested_by: string;
    requested_by_name: string;
    decided_by: string | null;
    decided_by_name: string | null;
    decision_note: string | null;
    created_at: string;
    decided_at: string | null;
  };
  product_views: { id: string; shop_id: string; buyer_id: string; product_id: string; viewed_at: string };
}
