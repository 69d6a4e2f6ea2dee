/** Every failure a user can see: a stable code, the HTTP status it maps to, and params for the message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export type Language = 'zh-CN' | 'en';

const ERRORS = {
  invalid_input: { status: 400, 'zh-CN': '请求内容有误：{detail}', en: 'Invalid request: {detail}' },
  invalid_json: { status: 400, 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  invalid_text: {
    status: 400,
    'zh-CN': '{field} 含有不可见的控制字符，请删除后重试',
    en: '{field} contains control characters; remove them and try again',
  },
  webhook_url_private: {
    status: 400,
    'zh-CN': '内网/本机地址不能作为 Webhook 地址：{host} 指向 {address}，请填写公网可访问的地址',
    en: 'Private-network or loopback addresses cannot receive webhooks: {host} points to {address}; use a publicly reachable URL',
  },
  empty_message: { status: 400, 'zh-CN': '消息内容不能为空', en: 'The message is empty' },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  invalid_token: {
    status: 401,
    'zh-CN': '登录已失效，请重新登录',
    en: 'Your session has expired or is invalid; please sign in again',
  },
  wrong_credentials: { status: 401, 'zh-CN': '店铺、账号或密码错误', en: 'Wrong shop, username or password' },
  bad_signature: { status: 401, 'zh-CN': '签名无效', en: 'Invalid signature' },
  stale_signature: {
    status: 401,
    'zh-CN': '签名已过期（时间戳须在 5 分钟内）',
    en: 'Signature expired: the timestamp must be within 5 minutes',
  },
  identity_expired: {
    status: 401,
    'zh-CN': '身份签名已过期（有效期 24 小时），请重新登录店铺',
    en: 'The identity signature has expired (valid for 24 hours); sign in to the shop again',
  },
  identity_required: { status: 403, 'zh-CN': '请先登录店铺账号后查看订单', en: 'Sign in to the shop to see your orders' },
  forbidden: { status: 403, 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  demo_only: { status: 403, 'zh-CN': '演示登录仅限演示店铺 demo', en: 'Demo sign-in is only for the demo shop' },
  not_found: { status: 404, 'zh-CN': '找不到{thing}', en: '{thing} not found' },
  range_too_long: {
    status: 400,
    'zh-CN': '日期范围太长：最多 {limit} 天（所选 {days} 天），请缩短后再查',
    en: 'The date range is too long: at most {limit} days (you chose {days}); shorten it and try again',
  },
  invalid_range: {
    status: 400,
    'zh-CN': '日期范围有误：开始日期 {from} 晚于结束日期 {to}',
    en: 'Invalid date range: the start {from} is after the end {to}',
  },
  route_not_found: { status: 404, 'zh-CN': '接口不存在', en: 'No such endpoint' },
  payload_too_large: { status: 413, 'zh-CN': '内容过大（上限 {limit}）', en: 'Too large (limit {limit})' },
  message_too_long: { status: 413, 'zh-CN': '消息过长，最多 {limit} 个字', en: 'Message too long: at most {limit} characters' },
  unsupported_media_type: {
    status: 415,
    'zh-CN': '只支持 PNG、JPEG、GIF、WebP 图片',
    en: 'Only PNG, JPEG, GIF and WebP images are accepted',
  },
  too_many_login_attempts: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  rate_limited: { status: 429, 'zh-CN': '操作太频繁，请稍后再试', en: 'Too many requests; please slow down' },
  too_many_messages: {
    status: 429,
    'zh-CN': '发送太频繁，请稍后再试',
    en: 'You are sending too fast; please wait a moment and try again',
  },
  too_many_uploads: {
    status: 429,
    'zh-CN': '发送图片太频繁，请稍后再试',
    en: 'You are sending images too fast; please try again later',
  },
  upload_quota_exceeded: {
    status: 413,
    'zh-CN': '您发送的图片已达上限（共 {limit}），无法再发送图片',
    en: 'You have reached the image limit ({limit} in total); no more images can be sent',
  },
  image_too_many_pixels: {
    status: 413,
    'zh-CN': '图片尺寸过大（最多 {megapixels} 百万像素）',
    en: 'The image is too large (at most {megapixels} megapixels)',
  },
  username_taken: { status: 409, 'zh-CN': '账号 {username} 已存在', en: 'The username {username} is already taken' },
  setup_done: { status: 409, 'zh-CN': '店铺已创建，请直接登录', en: 'The shop is already set up; please sign in' },
  agent_disabled: { status: 403, 'zh-CN': '该账号已停用，请联系店长', en: 'This account has been disabled; ask the shop owner' },
  cannot_disable_self: { status: 409, 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  role_name_taken: {
    status: 409,
    'zh-CN': '已有名为「{name}」的角色，请换一个名字',
    en: 'A role named "{name}" already exists; choose another name',
  },
  role_built_in: {
    status: 409,
    'zh-CN': '内置角色不能改名或删除，只能调整权限和额度',
    en: 'Built-in roles cannot be renamed or deleted; change their permissions and limits instead',
  },
  role_locked: {
    status: 403,
    'zh-CN': '店长始终拥有全部权限，不能修改（以免店铺被锁住）',
    en: 'The shop manager always has every permission; it cannot be changed (nobody may lock the shop out)',
  },
  role_in_use: {
    status: 409,
    'zh-CN': '还有 {count} 位客服是这个角色，请先把他们换成其他角色再删除',
    en: '{count} agent(s) still hold this role; give them another role before deleting it',
  },
  role_unknown: { status: 400, 'zh-CN': '店铺没有角色「{role}」', en: 'The shop has no role "{role}"' },
  capability_owner_only: {
    status: 400,
    'zh-CN': '「{capability}」只属于店长，不能授予其他角色',
    en: '"{capabilityEn}" belongs to the shop manager only; it cannot be granted to another role',
  },
  order_state_forbids: {
    status: 409,
    'zh-CN': '订单 {orderNo} 当前状态为「{status}」，不能{action}',
    en: 'Order {orderNo} is {statusEn}: cannot {actionEn}',
  },
  order_transition_refused: {
    status: 409,
    'zh-CN': '订单 {orderNo} 当前状态为「{status}」，不能变为「{to}」',
    en: 'Order {orderNo} is {statusEn}: it cannot become {toEn}',
  },
  conversation_state_forbids: {
    status: 409,
    'zh-CN': '会话当前状态为「{status}」，不能{action}',
    en: 'The conversation is {statusEn}: cannot {actionEn}',
  },
  approval_decided: { status: 409, 'zh-CN': '该审批已处理', en: 'This approval was already decided' },
  approval_closed: {
    status: 409,
    'zh-CN': '该申请已自动关闭：{note}',
    en: 'This request was closed automatically: the order is now {statusEn}',
  },
  approval_own_request: {
    status: 403,
    'zh-CN': '不能审批自己提交的申请，请由店长或其他主管处理',
    en: 'You cannot decide your own request: the owner or another manager decides it',
  },
  request_id_reused: {
    status: 422,
    'zh-CN': '该请求编号（requestId）已用于另一个操作，本次请求未执行；新的操作请使用新的 requestId',
    en: 'This requestId was already used for a different request; nothing was done. Use a new requestId for a new request',
  },
  conflict: { status: 409, 'zh-CN': '操作冲突：{detail}', en: 'Conflict: {detail}' },
  import_file_unsupported: {
    status: 415,
    'zh-CN': '只能导入 CSV 或 Excel（.xlsx）文件',
    en: 'Only CSV or Excel (.xlsx) files can be imported',
  },
  import_file_unreadable: { status: 400, 'zh-CN': '文件无法读取：{detail}', en: 'The file cannot be read: {detailEn}' },
  import_interrupted: {
    status: 500,
    'zh-CN': '导入被中断（服务器重启），请重新上传；已导入的订单不会重复',
    en: 'The import was interrupted (server restart); upload the file again: rows already imported are not duplicated',
  },
  import_file_empty: { status: 400, 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  import_columns_missing: {
    status: 400,
    'zh-CN': '缺少必需的列：{columns}（表头须在第 1 行）',
    en: 'Required columns are missing: {columnsEn} (the header must be line 1)',
  },
  import_too_many_rows: { status: 413, 'zh-CN': '行数过多（上限 {limit} 行）', en: 'Too many rows (limit {limit})' },
  import_file_inflated: {
    status: 413,
    'zh-CN': 'Excel 文件解压后过大或压缩比异常（解压后上限 {limit}），请删去多余内容或分成几个文件导入',
    en: 'The Excel file is too large once unpacked, or compressed suspiciously well (limit {limit} unpacked); remove extra content or split it into several files',
  },
  sku_props_taken: { status: 409, 'zh-CN': '该商品已有规格「{props}」', en: 'This product already has the SKU {props}' },
  bundle_not_cheaper: {
    status: 400,
    'zh-CN': '套餐价 {price} 须低于单买合计 {sum}',
    en: 'The bundle price {price} must be below the items bought separately ({sum})',
  },
  bundle_items_repeated: { status: 400, 'zh-CN': '套餐里同一商品只能出现一次', en: 'A product can appear only once in a bundle' },
  product_archived: { status: 409, 'zh-CN': '商品「{title}」已下架', en: 'The product "{title}" is archived' },
  related_to_itself: { status: 400, 'zh-CN': '商品不能关联它自己', en: 'A product cannot be related to itself' },
  size_chart_missing: { status: 404, 'zh-CN': '该商品还没有尺码表', en: 'This product has no size chart yet' },
  tracking_no_invalid: {
    status: 400,
    'zh-CN': '运单号「{trackingNo}」不像{carrier}的单号（例如 {example}），请核对后再填',
    en: 'The tracking number "{trackingNo}" does not look like a {carrierEn} number (e.g. {example}); please check it',
  },
  carrier_not_enabled: {
    status: 400,
    'zh-CN': '店铺未启用快递「{carrier}」，请先在 物流 → 通知设置 中启用',
    en: 'The shop has not enabled the carrier {carrierEn}; enable it under Logistics first',
  },
  unknown_province: { status: 400, 'zh-CN': '无法识别的省份「{province}」', en: 'Unknown province "{province}"' },
  exception_resolved: { status: 409, 'zh-CN': '该物流异常已处理', en: 'This logistics exception was already resolved' },
  tag_exists: { status: 409, 'zh-CN': '标签「{name}」已存在', en: 'The tag "{name}" already exists' },
  note_not_yours: {
    status: 403,
    'zh-CN': '只能修改或删除自己写的备注（店长、主管除外）',
    en: 'Only the author (or the owner or a manager) may change or delete this note',
  },
  too_many_segments: {
    status: 409,
    'zh-CN': '客户分群最多 {limit} 个，请先删除不用的',
    en: 'At most {limit} segments; delete one you no longer use',
  },
  promotion_dates_invalid: { status: 400, 'zh-CN': '活动结束时间须晚于开始时间', en: 'The promotion must end after it starts' },
  auto_reply_kind_exists: {
    status: 409,
    'zh-CN': '「{kind}」规则只能有一条，请编辑已有的规则',
    en: 'There can be only one {kindEn} rule; edit the existing one',
  },
  auto_reply_keywords_required: {
    status: 400,
    'zh-CN': '关键词规则至少需要一个关键词（最多 {limit} 个）',
    en: 'A keyword rule needs at least one keyword (at most {limit})',
  },
  too_many_auto_replies: { status: 409, 'zh-CN': '自动回复规则最多 {limit} 条', en: 'At most {limit} auto-reply rules' },
  too_many_promotions: {
    status: 409,
    'zh-CN': '店铺活动最多 {limit} 个，请先删除已结束的活动',
    en: 'At most {limit} promotions; delete ended ones first',
  },
  quick_reply_code_taken: {
    status: 409,
    'zh-CN': '快捷编码「{code}」已被使用',
    en: 'The shortcut code "{code}" is already in use',
  },
  quick_reply_limit: {
    status: 409,
    'zh-CN': '快捷短语最多 {limit} 条，请先删除不用的',
    en: 'At most {limit} quick replies; delete some you no longer use',
  },
  unfilled_variables: {
    status: 400,
    'zh-CN': '消息里还有未填写的变量 {names}，请填写或换一条短语后再发送',
    en: 'The message still has unfilled variables {names}; fill them in or pick another phrase before sending',
  },
  broadcast_target_required: { status: 400, 'zh-CN': '请选择群发的目标客户分群', en: 'Choose the customer segment to send to' },
  broadcast_schedule_invalid: {
    status: 400,
    'zh-CN': '定时发送时间格式不正确',
    en: 'The scheduled time is not a valid date and time',
  },
  broadcast_not_draft: {
    status: 409,
    'zh-CN': '只有草稿状态的群发可以修改、删除或开始',
    en: 'Only a draft broadcast can be changed, deleted or started',
  },
  broadcast_finished: {
    status: 409,
    'zh-CN': '该群发已结束或已取消',
    en: 'This broadcast has already finished or been cancelled',
  },
  refund_frozen: {
    status: 409,
    'zh-CN': '{label}期间（{from} 至 {to}）暂停受理退款申请，请于 {reopen} 起再申请',
    en: 'Refund requests are paused for {label} ({from} to {to}); they open again on {reopen}',
  },
  case_transition_forbidden: {
    status: 409,
    'zh-CN': '售后单 {caseNo} 当前为「{state}」，不能改为「{to}」',
    en: 'Case {caseNo} is {stateEn}; it cannot move to {toEn}',
  },
  case_open_for_order: {
    status: 409,
    'zh-CN': '订单 {orderNo} 已有进行中的{type}售后单 {caseNo}',
    en: 'Order {orderNo} already has an open {typeEn} case {caseNo}',
  },
  detail_required: { status: 400, 'zh-CN': '{what}', en: '{whatEn}' },
  evidence_item_unknown: {
    status: 400,
    'zh-CN': '此售后单没有「{item}」这一项凭证',
    en: 'This case has no evidence item "{item}"',
  },
  compensation_not_approved: {
    status: 409,
    'zh-CN': '这笔补偿尚未获批或已发放',
    en: 'This compensation is not approved or was already given',
  },
  task_done: { status: 409, 'zh-CN': '该任务已处理', en: 'This task was already handled' },
  reminder_task_done: { status: 409, 'zh-CN': '该催付任务已处理', en: 'This follow-up task was already handled' },
  routing_group_unknown: {
    status: 400,
    'zh-CN': '分组「{group}」不存在，请先在分流设置里添加该分组',
    en: 'There is no group "{group}"; add it in the routing settings first',
  },
  agent_unavailable: {
    status: 409,
    'zh-CN': '{name}当前{state}，不能接收转接',
    en: '{name} is {stateEn} and cannot take this buyer now',
  },
  transfer_to_self: {
    status: 409,
    'zh-CN': '买家已在你这里，请选择其他同事或分组',
    en: 'The buyer is already yours; pick a colleague or a group',
  },
  satisfaction_disabled: {
    status: 409,
    'zh-CN': '店铺已关闭满意度评价，可在 设置 → 满意度评价 中开启',
    en: 'Satisfaction ratings are switched off for the shop; switch them on under Settings → Satisfaction',
  },
  satisfaction_nothing_to_rate: {
    status: 409,
    'zh-CN': '本次接待还没有客服回复过买家，暂时不能邀请评价',
    en: 'No agent has answered the buyer in this session yet: there is nothing to rate',
  },
  satisfaction_already_invited: {
    status: 409,
    'zh-CN': '本次接待已邀请过买家评价（每次接待只邀请一次）',
    en: 'The buyer was already invited to rate this session (one invitation per session)',
  },
  satisfaction_not_invited: {
    status: 409,
    'zh-CN': '当前没有待评价的服务，客服邀请后才能评价',
    en: 'There is no service to rate yet: you can rate once the shop invites you',
  },
  satisfaction_already_rated: {
    status: 409,
    'zh-CN': '您已经评价过本次服务，感谢您的反馈',
    en: 'You have already rated this service; thank you for your feedback',
  },
  satisfaction_reason_mismatch: {
    status: 400,
    'zh-CN': '「{reason}」不是「{level}」的评价原因，请重新选择',
    en: '"{reasonEn}" is not a reason offered with "{levelEn}"; choose again',
  },
  quality_rule_invalid: {
    status: 400,
    'zh-CN': '质检规则{rule}的{field}有误：{detail}',
    en: 'Quality rule {ruleEn}: the {fieldEn} is invalid: {detailEn}',
  },
  quality_scorecard_invalid: {
    status: 400,
    'zh-CN': '评分表有误：{detail}',
    en: 'The scorecard is invalid: {detailEn}',
  },
  quality_review_invalid: {
    status: 400,
    'zh-CN': '质检评分有误：{detail}',
    en: 'The review is invalid: {detailEn}',
  },
  shutting_down: { status: 503, 'zh-CN': '服务正在重启，请稍后重试', en: 'The server is restarting; please retry shortly' },
  internal: { status: 500, 'zh-CN': '服务器开小差了，请稍后重试', en: 'Something went wrong on our side; please retry' },
} as const satisfies Record<string, { status: number } & Record<Language, string>>;

export type ErrorCode = keyof typeof ERRORS;

/** Names of things for not_found, in both languages. */
const THINGS: Record<string, Record<Language, string>> = {
  conversation: { 'zh-CN': '会话', en: 'Conversation' },
  shop: { 'zh-CN': '店铺', en: 'Shop' },
  buyer: { 'zh-CN': '买家', en: 'Buyer' },
  attachment: { 'zh-CN': '附件', en: 'Attachment' },
  product: { 'zh-CN': '商品', en: 'Product' },
  agent: { 'zh-CN': '客服', en: 'Agent' },
  role: { 'zh-CN': '角色', en: 'Role' },
  order: { 'zh-CN': '订单', en: 'Order' },
  sku: { 'zh-CN': '商品规格', en: 'SKU' },
  order_item: { 'zh-CN': '订单商品', en: 'Order item' },
  logistics_exception: { 'zh-CN': '物流异常', en: 'Logistics exception' },
  approval: { 'zh-CN': '审批', en: 'Approval' },
  webhook: { 'zh-CN': 'Webhook', en: 'Webhook' },
  import: { 'zh-CN': '导入任务', en: 'Import' },
  tag: { 'zh-CN': '标签', en: 'Tag' },
  note: { 'zh-CN': '备注', en: 'Note' },
  segment: { 'zh-CN': '客户分群', en: 'Segment' },
  bundle: { 'zh-CN': '搭配套餐', en: 'Bundle' },
  reminder_task: { 'zh-CN': '催付任务', en: 'Follow-up task' },
  broadcast: { 'zh-CN': '群发', en: 'Broadcast' },
  quick_reply: { 'zh-CN': '快捷短语', en: 'Quick reply' },
  promotion: { 'zh-CN': '店铺活动', en: 'Promotion' },
  auto_reply: { 'zh-CN': '自动回复规则', en: 'Auto-reply rule' },
  case: { 'zh-CN': '售后单', en: 'After-sales case' },
  task: { 'zh-CN': '协同任务', en: 'Task' },
  review: { 'zh-CN': '评价', en: 'Review' },
  compensation: { 'zh-CN': '补偿', en: 'Compensation' },
  satisfaction_invitation: { 'zh-CN': '评价邀请', en: 'Rating invitation' },
  quality_session: { 'zh-CN': '质检会话', en: 'Inspected session' },
};

export function errorMessage(error: AppError, language: Language): string {
  const template: string = ERRORS[error.code][language];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = error.params[key];
    if (key === 'thing' && typeof value === 'string') return THINGS[value]?.[language] ?? value;
    return value === undefined ? '' : String(value);
  });
}

/** zh-CN unless the client prefers English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}
