import { useEffect, useRef } from 'react';
import { errorMessage } from '../platform/api-client';
import { currentPathname, followPath, navigate, paramOf, paths } from '../platform/navigation';
import { conversationStore, ensureConversation, setActiveConversation } from '../modules/conversations';

const conversationIn = (pathname: string) => paramOf('/conversations/:conversationId', 'conversationId', pathname);

/**
 * Keeps the open conversation and the address together while the workbench is shown: /conversations/:id opens that
 * buyer (a link, a reload, Back), and choosing one (the list, a shortcut, a search hit) puts it in the address: the
 * first one replaces the bare workbench address, later ones add an entry, so Back returns to the previous buyer.
 * The bare address (/) opens the conversation the agent was last in; the store remembers it across pages.
 */
export function useConversationAddress(onError: (message: string) => void): void {
  const reportError = useRef(onError);
  reportError.current = onError;
  useEffect(() => {
    /** The conversation the address asks for while it loads; a later move or choice makes it moot. */
    let loading: string | null = null;

    const stopPath = followPath((pathname) => {
      const wanted = conversationIn(pathname);
      const { activeId, byId } = conversationStore.get();
      if (pathname === paths.workbench && activeId) return navigate(paths.conversation(activeId), { replace: true });
      loading = null;
      if (!wanted || wanted === activeId) return;
      if (byId[wanted]) return setActiveConversation(wanted);
      loading = wanted;
      ensureConversation(wanted).then(
        () => loading === wanted && setActiveConversation(wanted),
        (error: unknown) => {
          if (loading !== wanted) return;
          reportError.current(errorMessage(error)); // not found, or not this agent's to see
          navigate(paths.workbench, { replace: true });
        },
      );
    });

    let last = conversationStore.get().activeId;
    const stopStore = conversationStore.subscribe(() => {
      const { activeId } = conversationStore.get();
      if (activeId === last) return;
      last = activeId;
      // Null is a sign-out (the stores are reset): the address stays for whoever signs in.
      if (!activeId) return;
      loading = null;
      const here = currentPathname();
      if (conversationIn(here) !== activeId) navigate(paths.conversation(activeId), { replace: here === paths.workbench });
    });

    return () => {
      stopPath();
      stopStore();
    };
  }, []);
}
