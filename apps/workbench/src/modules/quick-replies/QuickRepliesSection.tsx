import { Empty } from 'antd';
import type { Session } from '../../platform/session';

/** Placeholder until the section is built. */
export function QuickRepliesSection(_props: { session: Session }) {
  return <Empty />;
}
