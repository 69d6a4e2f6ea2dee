import { Empty } from 'antd';
import type { Session } from '../../platform/session';

/** Placeholder until the page is built. */
export function CustomersPage(_props: { session: Session }) {
  return <Empty className="page-placeholder" data-testid="page-customers" />;
}
