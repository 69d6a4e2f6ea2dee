/** 快捷短语: the only door other modules use. */
export { registerQuickReplyRoutes } from './quick-reply.routes.js';
export { seedDemoQuickReplies } from './demo-quick-replies.js';
export { seedDefaultQuickReplies } from './default-quick-replies.js';
