import type { ColumnType, Generated } from 'kysely';

/** A nullable column added later: optional when inserting (NULL by default). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

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
    /** Set when the owner disabled the agent: no sign-in, every session ended. */
    disabled_at: Optional<string>;
    /** The status the agent set (online | busy | offline); null: never set (online while a workbench is open). */
    status: Optional<string>;
    /** Concurrent buyers routing gives the agent (null: DEFAULT_AGENT_CAPACITY). */
    capacity: Optional<number>;
    /** Share of new buyers in weighted groups (null: 1). */
    routing_weight: Optional<number>;
    /** The routing groups the agent belongs to, a JSON list (null: the groups of their role). */
    groups_json: Optional<string>;
    /** When routing last gave the agent a buyer (round robin takes the one waiting longest for a turn). */
    last_routed_at: Optional<string>;
    /** When the agent's last workbench tab closed (null while one is open): 离线 follows after a grace period. */
    left_at: Optional<string>;
    /** Set when 离线 came by itself (no workbench open past the grace period): the next workbench brings 在线 back. */
    auto_offline_at: Optional<string>;
  };
  agent_sessions: {
    id: string;
    shop_id: string;
    agent_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
  };
  /**
   * The permissions matrix of a shop: one row per role it changed or made. A built-in role without a row has the
   * contracts' defaults; the owner always has everything.
   */
  shop_roles: {
    shop_id: string;
    /** A built-in role (owner, presale …) or `custom-<id>`, as agents.role stores it. */
    key: string;
    /** The name the owner gave a role of their own; null for built-in roles (named by the client). */
    name: string | null;
    /** The role's capabilities, a JSON list; null: the defaults (a built-in role whose limits alone changed). */
    capabilities_json: string | null;
    created_at: string;
    updated_at: string;
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
    /** The shop's own customer id, set when the buyer's identity was verified. */
    external_id: Optional<string>;
    /** 客户类型 (CUSTOMER_TYPES key), who set it (agent name) and when. */
    customer_type: Optional<string>;
    customer_type_set_by: Optional<string>;
    customer_type_set_at: Optional<string>;
    /** 黑名单: set while blocked; the buyer's messages are stored but held from the agents' lists. */
    blocked_at: Optional<string>;
    blocked_by: Optional<string>;
    blocked_by_name: Optional<string>;
    block_reason: Optional<string>;
    /** Who vouched for this buyer: visitor (self-named, anonymous) | import | integration | identity | demo. */
    identity_source: Optional<string>;
    /** SHA-256 of the random secret the widget keeps: only it resumes an anonymous visitor. */
    visitor_secret_hash: Optional<string>;
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
    /** The routing group the buyer belongs to (null: not routed, e.g. 抢单 mode). */
    group_key: Optional<string>;
    /** When the current assignee got the buyer. */
    assigned_at: Optional<string>;
    /** Where the buyer opened the chat from (shop, product, order) and which one. */
    entry_kind: Optional<string>;
    entry_ref: Optional<string>;
    /** The last hand-over's note for the next agent (JSON Handoff). */
    handoff_json: Optional<string>;
    /** The queue place last told to the buyer (null: not queued). */
    queue_position: Optional<number>;
    /** The wait (its waiting_since) the agent was nudged about, and the one the managers were alerted about. */
    nudged_for: Optional<string>;
    alerted_for: Optional<string>;
  };
  conversation_assignments: {
    id: string;
    shop_id: string;
    conversation_id: string;
    kind: string;
    agent_id: string | null;
    from_agent_id: string | null;
    group_key: string | null;
    actor_id: string | null;
    note: string | null;
    at: string;
  };
  /**
   * 响应轮次: a buyer's first unanswered message and the agent's reply to it (绩效 facts). agent_id: who answered, or
   * who had the buyer while it is unanswered. counted: the turn started 08:00–23:00 China time.
   */
  response_turns: {
    id: string;
    shop_id: string;
    conversation_id: string;
    buyer_id: string;
    agent_id: string | null;
    group_key: string | null;
    start_message_id: string;
    started_at: string;
    /** China date and hour the turn started in. */
    day: string;
    hour: number;
    counted: number;
    /** The buyer's first turn of the China day in this conversation (首次响应). */
    first_of_day: number;
    answer_message_id: string | null;
    answered_at: string | null;
    response_seconds: number | null;
    /** An auto-reply answered while no agent had: such a turn, never answered by an agent, is the bot's. */
    bot_replied: number;
    buyer_messages: number;
    agent_messages: number;
    /** The last message applied (facts are applied once, in order). */
    last_seq: number;
  };
  /**
   * The turns summed per China day, hour, agent and group ('' for none), kept as turns change: the figures read these
   * rows, not every turn. Counted turns only in the response sums; within_N: answered in (previous bound, N] seconds.
   */
  turn_rollups: {
    shop_id: string;
    day: string;
    hour: number;
    agent_id: string;
    group_key: string;
    /** First turns of the day (接待人数), and messages, of every turn. */
    buyers: number;
    buyer_messages: number;
    agent_messages: number;
    /** Counted answered turns, their capped seconds, and the same for first turns of the day. */
    answered: number;
    answered_seconds: number;
    first_answered: number;
    first_answered_seconds: number;
    /** Counted unanswered turns no bot answered (pending ones included; the reader takes those younger than the cap out). */
    open_unanswered: number;
    first_open: number;
    within_15: number;
    within_30: number;
    within_60: number;
    within_180: number;
    within_300: number;
    within_600: number;
    over_600: number;
  };
  /** 询单: a buyer who asked before paying, once per China day, and what they ordered and paid after asking. */
  inquiries: {
    id: string;
    shop_id: string;
    buyer_id: string;
    day: string;
    conversation_id: string;
    first_message_id: string;
    first_at: string;
    /** China hour of first_at. */
    hour: number;
    /** The agent who first answered the buyer that day (credited with the conversion). */
    agent_id: string | null;
    group_key: string | null;
    ordered_at: string | null;
    order_id: string | null;
    paid_at: string | null;
    paid_order_id: string | null;
    paid_fen: number | null;
    /** Paid the same China day / by the end of the next day (paid_at set: within the conversion window). */
    paid_same_day: number;
    paid_by_next_day: number;
  };
  /**
   * 满意度: one invitation per service session of a conversation (session_key), and the buyer's rating once given.
   * score 5 很满意 … 1 很不满意; invited_by: closed | idle | agent.
   */
  satisfaction_ratings: {
    id: string;
    shop_id: string;
    conversation_id: string;
    buyer_id: string;
    agent_id: string | null;
    session_key: string;
    invited_at: string;
    invited_by: string;
    inviting_agent_id: string | null;
    score: number | null;
    reasons_json: string | null;
    comment: string | null;
    rated_at: string | null;
    /** China date of rated_at (figures group by it). */
    day: string | null;
  };
  /**
   * 质检: a service session (一次接待) as the inspection folds its messages in: from 结束 to 结束, or cut by a quiet spell
   * of QUALITY_SESSION_GAP_HOURS. Its running state (the buyer's wait, the last reply) and its score; id
   * `<conversation_id>.<start_seq>`; service_key: the 满意度 session it belongs to (`from:<seq after the last 结束>`).
   */
  quality_sessions: {
    id: string;
    shop_id: string;
    conversation_id: string;
    buyer_id: string;
    service_key: string;
    start_seq: number;
    /** The last message folded in (a relayed message at or below it is a replay). */
    last_seq: number;
    started_at: string;
    /** The last buyer or agent message (a quiet spell is measured from it). */
    last_at: string;
    ended_at: string | null;
    /** 1: ended by 结束 (the closing-thanks rule applied). */
    closed: number;
    /** China date of started_at. */
    day: string;
    /** The agent who answered last. */
    agent_id: string | null;
    replies: number;
    /** The buyer's first unanswered message (null: nobody waits). */
    waiting_since: string | null;
    last_reply_id: string | null;
    last_reply_length: number;
    last_reply_quote: string;
    /** JSON ids of the no_thanks rules the last reply would break if the session ended now. */
    closing_rules: string | null;
    hit_count: number;
    points: number;
    /** 100 less points, never below 0. */
    score: number;
  };
  /** A 质检 rule that hit a line: span [start, end) in UTF-16 code units; points as the rule had them then. */
  quality_hits: {
    id: string;
    shop_id: string;
    session_id: string;
    conversation_id: string;
    message_id: string;
    agent_id: string | null;
    rule_id: string;
    kind: string;
    span_start: number;
    span_end: number;
    quote: string;
    points: number;
    at: string;
  };
  /** A manager's scores for a session on the shop's scorecard (scores_json keeps the items as they were), one per reviewer. */
  quality_reviews: {
    id: string;
    shop_id: string;
    session_id: string;
    conversation_id: string;
    /** The session's agent when reviewed (whose results show it). */
    agent_id: string | null;
    reviewer_id: string;
    scores_json: string;
    total: number;
    comment: string;
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
    external_id: Optional<string>;
    /** JSON [{name, value}] in display order (材质, 产地…). */
    attributes: Optional<string>;
    /** Shipping weight in grams; null = not given (a parcel then counts as 1 kg). */
    weight_g: Optional<number>;
    /** Set when archived: hidden from the shop page and suggestions. */
    archived_at: Optional<string>;
    updated_at: Optional<string>;
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
    memo_flag: Optional<string>;
    close_reason: Optional<string>;
    receiver_province: Optional<string>;
    external_id: Optional<string>;
    updated_at: Optional<string>;
    /** The total before any 改价; null while the price was never changed. */
    original_total_fen: Optional<number>;
  };
  order_items: {
    id: Generated<number>;
    order_id: string;
    product_id: string;
    title: string;
    sku_props: string;
    price_fen: number;
    quantity: number;
    sku_id: Optional<string>;
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
  idempotency_keys: {
    shop_id: string;
    key: string;
    response_json: string;
    created_at: string;
    /** What the request asked (target, action, body): the same key with another fingerprint is refused. */
    fingerprint: Optional<string>;
  };
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
    /** The order the request concerns (for a case's request, the case's order). */
    order_id: string | null;
  };
  /** 售后工单: one after-sales case, its state in its type's machine (case.state-machine.ts). */
  cases: {
    id: string;
    shop_id: string;
    case_no: string;
    type: string;
    state: string;
    order_id: string;
    buyer_id: string;
    conversation_id: string | null;
    assignee_id: string | null;
    assignee_name: string | null;
    reason: string | null;
    /** JSON number[] of order-line indexes. */
    item_indexes: string;
    refund_fen: number | null;
    eligibility_json: string;
    deadline_at: string;
    return_address: string | null;
    return_carrier: string | null;
    return_tracking_no: string | null;
    reship_carrier: string | null;
    reship_tracking_no: string | null;
    evidence_requested_at: string | null;
    /** JSON {step: doneAt}. */
    guide_json: string;
    opened_by: string;
    created_at: string;
    updated_at: string;
    closed_at: string | null;
    reminded_at: string | null;
    /** buyer | shop: who pays the parcel back (the policy's rule for the type when the case opened); null: nothing goes back. */
    return_shipping_paid_by: Optional<string>;
  };
  case_events: {
    id: string;
    shop_id: string;
    case_id: string;
    kind: string;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
    actor_kind: string;
    actor_id: string | null;
    actor_name: string;
    data_json: string | null;
    at: string;
    seq: number;
  };
  case_compensations: {
    id: string;
    shop_id: string;
    case_id: string;
    kind: string;
    amount_fen: number;
    status: string;
    approval_id: string | null;
    requested_by: string;
    requested_by_name: string;
    decision_note: string | null;
    created_at: string;
    applied_at: string | null;
  };
  case_evidence: {
    id: string;
    shop_id: string;
    case_id: string;
    item_key: string;
    attachment_id: string;
    uploaded_at: string;
  };
  /** Periods of an agent's status (在线 / 忙碌 / 离线), for online time. */
  agent_status_periods: {
    id: string;
    shop_id: string;
    agent_id: string;
    status: string;
    started_at: string;
    ended_at: string | null;
  };
  /** 评价: a marketplace review; mid and negative ones get a follow-up task (task_id) and an outcome. */
  reviews: {
    id: string;
    shop_id: string;
    external_id: string;
    order_no: string;
    order_id: string | null;
    buyer_id: string | null;
    rating: number;
    text: string;
    pictures_json: string;
    reviewed_at: string;
    received_at: string;
    task_id: string | null;
    outcome: string | null;
    outcome_note: string | null;
    outcome_at: string | null;
    outcome_by: string | null;
  };
  /** 协同任务: colleagues' work (仓库, 财务, 质检, 回访), one inbox per person and role. */
  tasks: {
    id: string;
    shop_id: string;
    kind: string;
    status: string;
    role: string;
    assignee_id: string | null;
    assignee_name: string | null;
    title: string;
    case_id: string | null;
    order_id: string | null;
    buyer_id: string | null;
    due_at: string;
    result_json: string | null;
    source_key: string;
    created_at: string;
    done_at: string | null;
    done_by_name: string | null;
  };
  shop_integrations: {
    shop_id: string;
    inbound_secret: string;
    identity_secret: string;
    created_at: string;
    rotated_at: string | null;
  };
  inbound_events: {
    shop_id: string;
    event_id: string;
    type: string;
    order_no: string | null;
    occurred_at: string;
    payload_json: string;
    /** applied | parked (waiting for its order) | rejected */
    status: string;
    note: string | null;
    received_at: string;
  };
  tracking_events: {
    id: string;
    shop_id: string;
    order_id: string;
    carrier: string | null;
    tracking_no: string | null;
    status: string;
    description: string;
    location: string | null;
    occurred_at: string;
    created_at: string;
  };
  webhooks: { id: string; shop_id: string; url: string; secret: string; events: string; active: number; created_at: string };
  webhook_deliveries: {
    id: string;
    shop_id: string;
    webhook_id: string;
    /** What makes a delivery unique per webhook (the message id, the order id + time), so every process may enqueue it. */
    event_key: string;
    event_type: string;
    payload_json: string;
    /** pending | sending | delivered | failed */
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_status: number | null;
    last_error: string | null;
    created_at: string;
    delivered_at: string | null;
  };
  product_views: { id: string; shop_id: string; buyer_id: string; product_id: string; viewed_at: string };
  /** 快递选择原则及资费标准: provinces_json is ["浙江省", …] or ["default"]. */
  courier_rules: {
    id: string;
    shop_id: string;
    carrier: string;
    provinces_json: string;
    first_weight_fen: number;
    additional_fen: number;
    delivery_days: string | null;
    priority: number;
    enabled: number;
    position: number;
    updated_at: string;
  };
  /** Parcels needing an agent; open_key = "<order_id>:<kind>" while open (unique), null once resolved. */
  logistics_exceptions: {
    id: string;
    shop_id: string;
    order_id: string;
    kind: string;
    detail: string;
    open_key: string | null;
    raised_at: string;
    resolved_at: string | null;
    resolved_by: string | null;
    resolved_by_name: string | null;
    note: string | null;
  };
  /** Proactive buyer notices already sent: one per order and kind. */
  logistics_notices: { shop_id: string; order_id: string; kind: string; sent_at: string };
  /** 客户标签 of a shop, and which buyers carry them. */
  customer_tags: { id: string; shop_id: string; name: string; color: string; created_at: string };
  buyer_tags: { shop_id: string; buyer_id: string; tag_id: string; created_at: string };
  /** 买家备注: per buyer, by agent; edited by the author or a manager. */
  buyer_notes: {
    id: string;
    shop_id: string;
    buyer_id: string;
    author_id: string;
    author_name: string;
    text: string;
    created_at: string;
    edited_at: string | null;
  };
  /** 客户分群: saved customer filters (SegmentFilter JSON). */
  segments: {
    id: string;
    shop_id: string;
    name: string;
    filter_json: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** 店铺活动: a campaign with dates; active while starts_at ≤ now ≤ ends_at. */
  promotions: {
    id: string;
    shop_id: string;
    kind: string;
    title: string;
    threshold_fen: number | null;
    amount_fen: number | null;
    deposit_fen: number | null;
    note: string;
    link: string | null;
    starts_at: string;
    ends_at: string;
    created_at: string;
    updated_at: string;
  };
  /** 自动回复 rules; params_json carries the kind's own numbers (afterHours, maxQueue, maxWaitSeconds, delaySeconds). */
  auto_reply_rules: {
    id: string;
    shop_id: string;
    kind: string;
    name: string;
    enabled: number;
    priority: number;
    keywords_json: string;
    match_mode: string;
    text: string;
    cooldown_minutes: number;
    params_json: string;
    created_at: string;
    updated_at: string;
  };
  /** Replies sent: UNIQUE(rule_id, trigger_message_id); day = China-time date for hits by day. */
  auto_reply_hits: {
    id: string;
    shop_id: string;
    rule_id: string;
    conversation_id: string;
    trigger_message_id: string;
    reply_message_id: string;
    fired_at: string;
    day: string;
  };
  /** Delayed replies waiting for due_at; status pending → sent | answered | skipped. */
  auto_reply_pending: {
    id: string;
    shop_id: string;
    rule_id: string;
    conversation_id: string;
    trigger_message_id: string;
    trigger_seq: number;
    due_at: string;
    status: string;
    created_at: string;
  };
  /** Related products (关联商品): an ordered link product → related; shown from both ends. */
  product_relations: { shop_id: string; product_id: string; related_id: string; position: number; created_at: string };
  /** 搭配套餐: products sold together for less than their sum. */
  bundles: { id: string; shop_id: string; title: string; price_fen: number; created_at: string; updated_at: string };
  bundle_items: { bundle_id: string; product_id: string; quantity: number; position: number };
  /** 快捷短语: owner_id is '' for team phrases, the agent's id for personal ones; code NULL = none. */
  quick_replies: {
    id: string;
    shop_id: string;
    scope: string;
    owner_id: string;
    group_name: string;
    code: string | null;
    content: string;
    attachment_id: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  quick_reply_usage: { quick_reply_id: string; agent_id: string; shop_id: string; use_count: number; last_used_at: string };
  imports: {
    id: string;
    shop_id: string;
    kind: string;
    status: string;
    file_name: string | null;
    /** The uploader's language: stream frames are worded in it. */
    language: string;
    total: number;
    processed: number;
    imported: number;
    failed: number;
    created_count: number;
    updated_count: number;
    unchanged_count: number;
    /** [{line, code, params}]: reasons are worded when presented, in the reader's language. */
    errors_json: string;
    failure_reason: string | null;
    created_by: string;
    created_by_name: string;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  /** Durable jobs (database backend): one row per deterministic job_key; claimed with a lease (locked_until). */
  jobs: {
    id: string;
    job_key: string;
    name: string;
    payload: string;
    status: string;
    run_at: string;
    attempts: number;
    locked_until: string | null;
    locked_by: string | null;
    last_error: string | null;
    created_at: string;
    finished_at: string | null;
  };
  /** The outbox: domain events recorded with their change, handed to webhooks and automation by the relay. */
  outbox_events: {
    id: string;
    shop_id: string;
    event_type: string;
    payload_json: string;
    created_at: string;
    available_at: string;
    attempts: number;
    lease_until: string | null;
    leased_by: string | null;
    last_error: string | null;
    relayed_at: string | null;
  };
  /** 催付 sent: UNIQUE(order_id, seq), so the n-th reminder of an order is sent once. */
  payment_reminders: {
    id: string;
    shop_id: string;
    order_id: string;
    seq: number;
    buyer_id: string;
    message_id: string | null;
    sent_at: string;
  };
  /** Phone/SMS follow-ups (电话/短信催付) for support agents, one per order. */
  reminder_tasks: {
    id: string;
    shop_id: string;
    order_id: string;
    buyer_id: string;
    reason: string;
    status: string;
    due_at: string;
    window_end_at: string;
    assignee_id: string | null;
    assignee_name: string | null;
    outcome: string | null;
    note: string | null;
    done_at: string | null;
    done_by_name: string | null;
    created_at: string;
    updated_at: string;
  };
  /** 群发: a template to a segment (or inline filter), throttled; recipients are snapshotted at start. */
  broadcasts: {
    id: string;
    shop_id: string;
    title: string;
    template: string;
    segment_id: string | null;
    segment_name: string | null;
    filter_json: string | null;
    throttle_per_minute: number;
    status: string;
    scheduled_at: string | null;
    started_at: string | null;
    finished_at: string | null;
    created_by: string;
    created_by_name: string;
    created_at: string;
    updated_at: string;
  };
  /** One row per (broadcast, buyer): pending → sent (with its message) / skipped (reason) / failed. */
  broadcast_recipients: {
    id: string;
    shop_id: string;
    broadcast_id: string;
    buyer_id: string;
    status: string;
    reason: string | null;
    conversation_id: string | null;
    message_id: string | null;
    message_seq: number | null;
    sent_at: string | null;
    reply_until: string | null;
  };
  /** Buyers who opted out of marketing messages (wrote 退订 / TD). */
  marketing_opt_outs: { buyer_id: string; shop_id: string; opted_out_at: string; source: string };
}
