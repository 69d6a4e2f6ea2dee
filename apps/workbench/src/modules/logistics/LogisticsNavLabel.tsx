import { Badge } from 'antd';
import { useEffect } from 'react';
import { onStreamFrame } from '../../platform/realtime';
import { loadOpenExceptions, putException, useOpenExceptionCount } from './logistics.store';
import './logistics.locales';

/** The 物流 navigation label with the number of open logistics exceptions (kept live by the stream). */
export function LogisticsNavLabel({ label }: { label: string }) {
  const count = useOpenExceptionCount();
  useEffect(() => {
    void loadOpenExceptions();
    // Raised or resolved anywhere in the shop (scan, courier event, a colleague's 处理): the count follows.
    return onStreamFrame((frame) => {
      if (frame.type === 'logistics.exception_changed') putException(frame.exception);
    });
  }, []);
  return (
    <Badge count={count} size="small" offset={[6, -2]} className="nav-badge" data-testid="nav-logistics-badge">
      <span>{label}</span>
    </Badge>
  );
}
