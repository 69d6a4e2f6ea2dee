/** The attachments module's door: the only file other modules import. */
export { presentAttachment } from './attachment.presenter.js';
export { findAttachment } from './attachment.repository.js';
export { registerAttachmentRoutes } from './attachment.routes.js';
