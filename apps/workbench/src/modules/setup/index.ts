// Setup: the first-run form that creates the shop and its owner.
export { SetupPage } from './SetupPage';
export { useSetupState } from './setup.api';
