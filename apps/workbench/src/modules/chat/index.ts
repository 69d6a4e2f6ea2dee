// Chat: the middle pane, one conversation's messages and the composer.
export { ChatPane } from './ChatPane';
