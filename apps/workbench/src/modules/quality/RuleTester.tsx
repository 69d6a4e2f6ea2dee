import { checkPhrasing, type QualityRule } from '@golddesk/contracts';
import { Card, Input, Typography } from 'antd';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../platform/i18n';

/** 试一试: a reply checked with the rules as they stand on the screen, saved or not. */
export function RuleTester({ rules }: { rules: QualityRule[] }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const hits = useMemo(() => checkPhrasing(text, rules, currentLanguage()), [text, rules, i18n.language]);
  let at = 0;
  return (
    <Card size="small" title={t('quality.tryTitle')} className="quality-tester" data-testid="quality-tester">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('quality.tryHint')}
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('quality.tryPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 4 }}
        data-testid="quality-tester-input"
      />
      {text && (
        <div className="quality-tester-result" data-testid="quality-tester-result">
          {hits.length === 0 ? (
            <Typography.Text type="success">{t('quality.tryFine')}</Typography.Text>
          ) : (
            <>
              <div className="quality-tester-text">
                {hits.map((hit, index) => {
                  if (hit.span[0] < at) return null;
                  const before = text.slice(at, hit.span[0]);
                  at = hit.span[1];
                  return (
                    <Fragment key={index}>
                      {before}
                      <mark className="quality-mark">{text.slice(...hit.span)}</mark>
                    </Fragment>
                  );
                })}
                {text.slice(at)}
              </div>
              <ul className="quality-tester-hits">
                {hits.map((hit, index) => (
                  <li key={index}>
                    <b>{text.slice(...hit.span)}</b> · {hit.message}
                    <div className="quality-tester-suggestion">→ {hit.suggestion}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
