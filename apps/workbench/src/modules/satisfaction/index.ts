// Satisfaction (满意度): the rating lines in the chat, 邀请评价, and the settings section.
export { InviteRatingButton } from './InviteRatingButton';
export { SatisfactionNotice, satisfactionEvents, type SatisfactionEvent } from './SatisfactionNotice';
export { SatisfactionSettingsSection } from './SatisfactionSettingsSection';
export { resetRatings, useConversationRatings, useSatisfactionSettings } from './satisfaction.store';
