import { LinkOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from '../copy-text';
import { linkTo } from '../navigation';
import './copy-link.locales';

interface CopyLinkButtonProps {
  /** The address to share, from `paths` (/cases/…). */
  path: string;
  /** Words beside the icon; without, the icon alone with a tooltip (tight headers and cards). */
  withLabel?: boolean;
  size?: 'small' | 'middle';
  testId?: string;
}

/** 复制链接: puts the full link to a conversation, customer, order or case on the clipboard for a colleague. */
export function CopyLinkButton({ path, withLabel = false, size = 'middle', testId = 'copy-link' }: CopyLinkButtonProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const link = linkTo(path);
  const copy = () =>
    copyText(link).then(
      () => void message.success({ content: t('link.copied'), key: 'copy-link' }),
      () => void message.error({ content: t('link.failed'), key: 'copy-link' }),
    );
  return (
    <Tooltip title={withLabel ? undefined : t('link.copy')}>
      <Button
        type="text"
        size={size}
        icon={<LinkOutlined />}
        onClick={() => void copy()}
        aria-label={t('link.copy')}
        data-testid={testId}
        data-link={link}
      >
        {withLabel && t('link.copy')}
      </Button>
    </Tooltip>
  );
}
