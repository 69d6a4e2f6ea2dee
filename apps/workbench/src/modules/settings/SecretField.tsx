import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../platform/copy-text';

/** A value shown in monospace with 复制; a secret is masked (its prefix kept) until 显示 is pressed. */
export function SecretField({
  value,
  secret = false,
  testId,
}: {
  /** The text to show and copy. */
  value: string;
  /** Masked by default when true. */
  secret?: boolean;
  /** data-testid of the field; its buttons get `-reveal` and `-copy`. */
  testId: string;
}) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(!secret);
  const prefix = value.includes('_') ? value.slice(0, value.indexOf('_') + 1) : '';
  return (
    <div className="secret-field">
      <code className="secret-value" data-testid={testId} data-masked={revealed ? 'false' : 'true'}>
        {revealed ? value : `${prefix}${'•'.repeat(24)}`}
      </code>
      <Space size={4}>
        {secret && (
          <Button
            size="small"
            icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={() => setRevealed(!revealed)}
            data-testid={`${testId}-reveal`}
          >
            {revealed ? t('settings.hide') : t('settings.show')}
          </Button>
        )}
        <CopyButton text={value} testId={`${testId}-copy`} />
      </Space>
    </div>
  );
}

/** 复制: puts `text` on the clipboard and says so. */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Button
      size="small"
      icon={<CopyOutlined />}
      data-testid={testId}
      onClick={() =>
        copyText(text).then(
          () => void message.success(t('settings.copied')),
          () => void message.error(t('error.generic')),
        )
      }
    >
      {t('settings.copy')}
    </Button>
  );
}
