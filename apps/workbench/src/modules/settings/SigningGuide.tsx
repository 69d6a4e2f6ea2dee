import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './SecretField';

/** 如何签名: two short paragraphs and a compact Node.js sample for each signature, with this shop's URL filled in. */
export function SigningGuide({
  eventsUrl,
  origin,
  shop,
  header,
}: {
  eventsUrl: string;
  origin: string;
  shop: string;
  header: string;
}) {
  const { t } = useTranslation();
  const eventsSample = [
    `import { createHmac } from 'node:crypto';`,
    `const secret = process.env.GOLDDESK_INBOUND_SECRET; // 事件签名密钥`,
    `const body = JSON.stringify({ id: 'evt-1001', type: 'order.paid', occurredAt: new Date().toISOString(),`,
    `  data: { orderNo: 'T1001', paidAt: new Date().toISOString() } });`,
    `const t = Math.floor(Date.now() / 1000);`,
    `const v1 = createHmac('sha256', secret).update(\`\${t}.\${body}\`).digest('hex');`,
    `await fetch('${eventsUrl}', {`,
    `  method: 'POST', body,`,
    `  headers: { 'content-type': 'application/json', '${header.toLowerCase()}': \`t=\${t},v1=\${v1}\` },`,
    `}); // → 200 {"status":"applied" | "duplicate" | "parked" | "ignored"}`,
  ].join('\n');
  const identitySample = [
    `// 店铺后端（买家已登录）：不要把密钥放进浏览器`,
    `import { createHmac } from 'node:crypto';`,
    `const timestamp = Math.floor(Date.now() / 1000);`,
    `const signature = createHmac('sha256', process.env.GOLDDESK_IDENTITY_SECRET)`,
    `  .update(\`\${customerId}.\${timestamp}\`).digest('hex');`,
    `// 页面 → POST ${origin}/api/v1/widget/sessions`,
    `// {"shop":"${shop}","identity":{"externalId":customerId,"timestamp":timestamp,"signature":signature}}`,
  ].join('\n');
  const sample = (code: string, testId: string) => (
    <div className="code-sample">
      <pre data-testid={testId}>{code}</pre>
      <div className="code-sample-copy">
        <CopyButton text={code} testId={`${testId}-copy`} />
      </div>
    </div>
  );
  return (
    <Card size="small" title={t('settings.integration.howTitle')} data-testid="integration-guide">
      <ol className="settings-guide">
        <li>{t('settings.integration.howEvents', { header })}</li>
        <li>{t('settings.integration.howIdentity')}</li>
      </ol>
      <Tabs
        size="small"
        items={[
          { key: 'events', label: t('settings.integration.sampleEvents'), children: sample(eventsSample, 'sample-events') },
          {
            key: 'identity',
            label: t('settings.integration.sampleIdentity'),
            children: sample(identitySample, 'sample-identity'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="settings-docs">
        {t('settings.integration.docs')}{' '}
        <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
          {t('settings.integration.openapi')}
        </a>
      </Typography.Paragraph>
    </Card>
  );
}
