/** The routing module's door (workbench): 转接, hand-over notes, routing notices, agents' routing and 分流设置. */
export { AgentRoutingModal } from './AgentRoutingModal';
export { groupName } from './group-names';
export { HandoffNote } from './HandoffNote';
export { RoutingNotices } from './RoutingNotices';
export { RoutingSettingsPanel } from './RoutingSettingsPanel';
export { TransferButton } from './TransferButton';
export { TransferModal, type TransferColleague, type TransferGroup } from './TransferModal';
