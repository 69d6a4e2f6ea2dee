import { useEffect } from 'react';
import { currentPathname, followPath, navigate, paramOf, paths } from '../../platform/navigation';
import { caseViewStore, closeCaseView, openCaseView } from './case.store';

const onCasesPage = (pathname: string) => /^\/cases(\/|$)/.test(pathname);
const caseIn = (pathname: string) => paramOf('/cases/:caseId', 'caseId', pathname);

/**
 * On the 售后 page the open case is in the address (/cases/:caseId): a link, a reload or Back opens it, and opening
 * or closing one there adds an entry. Elsewhere (the right pane, a reminder) the case view opens beside the page
 * without changing its address; its 复制链接 still gives /cases/:caseId.
 */
export function useCaseAddress(): void {
  useEffect(() => {
    let arriving = true;
    const stopPath = followPath((pathname) => {
      if (!onCasesPage(pathname)) return; // leaving the page: a case view open beside the next one stays
      const wanted = caseIn(pathname);
      const open = caseViewStore.get();
      // Arriving at /cases with a case already open beside another page: the address follows it.
      if (arriving && !wanted && open) navigate(paths.case(open), { replace: true });
      else if (wanted !== open) {
        if (wanted) openCaseView(wanted);
        else closeCaseView();
      }
      arriving = false;
    });
    const stopStore = caseViewStore.subscribe(() => {
      const open = caseViewStore.get();
      const here = currentPathname();
      if (onCasesPage(here) && open !== caseIn(here)) navigate(open ? paths.case(open) : paths.page('cases'));
    });
    return () => {
      stopPath();
      stopStore();
    };
  }, []);
}
