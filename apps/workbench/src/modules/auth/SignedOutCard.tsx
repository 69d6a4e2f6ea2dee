import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../platform/ui/LanguageSwitch';

interface SignedOutCardProps {
  title: string;
  subtitle: string;
  /** Extra class on the card (the setup form is wider). */
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** The branded card that login and first-run setup share, with the language switch above it. */
export function SignedOutCard({ title, subtitle, className, testId, children }: SignedOutCardProps) {
  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className={['login-card', className].filter(Boolean).join(' ')} data-testid={testId}>
        <div className="login-brand">
          <span className="brand-mark">金</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{subtitle}</Typography.Text>
          </div>
        </div>
        {children}
      </div>
    </div>
  );
}
