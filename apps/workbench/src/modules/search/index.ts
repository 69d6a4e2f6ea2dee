// Search: the header's search over the shop's chat history.
export { SearchBox } from './SearchBox';
