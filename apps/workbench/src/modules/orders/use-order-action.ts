import type { OrderActionResponse } from '@golddesk/contracts';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../platform/api-client';
import { runOrderAction, type OrderActionPath } from './order.api';

/**
 * Submitting one order-action form. Each opening of the form gets its own requestId, so pressing
 * submit again after a lost answer never applies the change twice; the server's message is kept to show.
 */
export function useOrderAction(orderId: string, open: boolean) {
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setRequestId(crypto.randomUUID());
    setError(null);
  }, [open, orderId]);

  async function submit(
    path: OrderActionPath,
    body: Record<string, unknown>,
    id = requestId,
  ): Promise<OrderActionResponse | null> {
    setSubmitting(true);
    setError(null);
    try {
      return await runOrderAction(orderId, path, { ...body, requestId: id });
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, requestId };
}

/** Props every order-action dialog takes. */
export interface OrderDialogProps<T> {
  /** The order acted on (its latest copy). */
  order: T;
  open: boolean;
  onClose: () => void;
}
