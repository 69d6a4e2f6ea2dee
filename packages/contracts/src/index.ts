export * from './common.js';
export * from './auth.js';
export * from './messages.js';
export * from './conversations.js';
export * from './widget.js';
export * from './shop.js';
export * from './stream.js';
export * from './orders.js';
