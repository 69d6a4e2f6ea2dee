import http from 'node:http';
import https from 'node:https';
import {
  checkOutboundLiteral,
  guardedLookup,
  OutboundAddressError,
  type AddressRefusal,
  type OutboundPolicy,
} from '../../platform/security/outbound-address.js';

/** What one delivery attempt came to: the HTTP status when the receiver answered, else a readable reason. */
export interface SendOutcome {
  status: number | null;
  error: string | null;
}

const REASON_WORDS: Record<AddressRefusal, string> = {
  loopback: '本机地址 / loopback',
  private: '内网地址 / private network',
  link_local: '链路本地或云元数据地址 / link-local or cloud metadata',
  unspecified: '未指定地址 / unspecified',
  multicast: '组播或广播地址 / multicast or broadcast',
  reserved: '保留地址 / reserved',
  invalid: '无效地址 / invalid',
};

/** The delivery log's words for a refused target (the owner reads them in 投递记录). */
export function refusalText(error: OutboundAddressError): string {
  return (
    `内网/本机地址不能作为 Webhook 地址：${error.host} → ${error.address}（${REASON_WORDS[error.reason]}）` +
    ` / private or loopback addresses cannot receive webhooks`
  );
}

/**
 * POSTs one signed delivery. The connection goes only to addresses the outbound policy allows (checked on the
 * addresses actually connected to), and redirects are never followed: a 3xx is a failed attempt with its reason.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: OutboundPolicy & { timeoutMs: number },
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`unsupported protocol ${target.protocol}`);
      checkOutboundLiteral(target.hostname, options);
    } catch (error) {
      resolve({ status: null, error: describeError(error) });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A fresh connection per attempt: a pooled socket must not carry a delivery past the address check.
        agent: false,
        lookup: guardedLookup(options),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? null;
        // Only the status counts; the receiver's body is not read.
        response.destroy();
        const location = response.headers.location;
        if (status !== null && status >= 300 && status < 400) {
          resolve({
            status,
            error: `HTTP ${status}：不跟随重定向 / redirects are not followed${location ? ` (→ ${location.slice(0, 200)})` : ''}`,
          });
        } else {
          resolve({ status, error: null });
        }
      },
    );
    request.on('error', (error) => resolve({ status: null, error: describeError(error) }));
    request.end(body);
  });
}

function describeError(error: unknown): string {
  if (error instanceof OutboundAddressError) return refusalText(error);
  return error instanceof Error ? error.message : String(error);
}
