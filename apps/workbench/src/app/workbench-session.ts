import { resetApprovals } from '../modules/approvals';
import { resetCases } from '../modules/cases';
import { resetConversations, resetMessages } from '../modules/conversations';
import { resetOrders } from '../modules/orders';
import { resetRatings } from '../modules/satisfaction';
import { getSession, subscribeSession } from '../platform/session';

// Loaded with the workbench's code (before it there is nothing to forget). Runs synchronously inside setSession, after
// session-lifecycle.ts closed the stream and before React renders the next page: signing out (or a 401, or another
// agent signing in) forgets everything the previous agent saw.
let currentAgent: string | null = getSession()?.agent.id ?? null;
resetConversations(currentAgent);

subscribeSession((session) => {
  const agentId = session?.agent.id ?? null;
  if (agentId === currentAgent) return;
  currentAgent = agentId;
  resetMessages();
  resetConversations(agentId);
  resetOrders();
  resetApprovals();
  resetCases();
  resetRatings();
});
