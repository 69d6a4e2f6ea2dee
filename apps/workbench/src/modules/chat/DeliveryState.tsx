import { CheckOutlined, ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export type Delivery = 'sending' | 'sent' | 'read' | 'failed';

interface DeliveryStateProps {
  state: Delivery;
  /** Why it failed (the server's message), shown on hover. */
  error?: string;
  onRetry?: () => void;
}

/** The small status under an agent message: sending… / sent ✓ / read ✓✓ / failed with retry. */
export function DeliveryState({ state, error, onRetry }: DeliveryStateProps) {
  const { t } = useTranslation();
  return (
    <span className={`delivery delivery-${state}`} data-testid="delivery-state" data-state={state}>
      {state === 'sending' && (
        <>
          <LoadingOutlined /> {t('chat.sending')}
        </>
      )}
      {state === 'sent' && (
        <>
          <CheckOutlined /> {t('chat.sent')}
        </>
      )}
      {state === 'read' && (
        <>
          <span className="double-check">
            <CheckOutlined />
            <CheckOutlined />
          </span>{' '}
          {t('chat.read')}
        </>
      )}
      {state === 'failed' && (
        <Tooltip title={error}>
          <ExclamationCircleFilled /> {t('chat.failed')}{' '}
          <Button size="small" type="link" onClick={onRetry} data-testid="retry-send" style={{ padding: 0, height: 'auto' }}>
            {t('chat.retry')}
          </Button>
        </Tooltip>
      )}
    </span>
  );
}
