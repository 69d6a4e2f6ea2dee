import { can, type QualityRule } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { QualityRuleCard } from './QualityRuleCard';
import { RuleTester } from './RuleTester';
import { fetchQualityRules, resetQualityRules, saveQualityRules } from './quality.api';
import { publishQualityRules } from './quality-rules.store';
import './quality.locales';
import './quality.css';

/** 设置 → 质检规则: each rule on or off, its words, message, rewrite and points; save, or back to the built-in rules. */
export function QualityRulesSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = can(session, 'quality.configure');
  const [saved, setSaved] = useState<{ rules: QualityRule[]; isDefault: boolean } | null>(null);
  const [rules, setRules] = useState<QualityRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchQualityRules(controller.signal)
      .then((loaded) => {
        setSaved(loaded);
        setRules(loaded.rules);
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  async function run(action: () => Promise<{ rules: QualityRule[]; isDefault: boolean }>, done: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      setSaved(result);
      setRules(result.rules);
      publishQualityRules(result.rules);
      void message.success(done);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!rules || !saved) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const dirty = JSON.stringify(rules) !== JSON.stringify(saved.rules);
  return (
    <div className="quality-rules" data-testid="quality-rules">
      <Typography.Paragraph type="secondary">{t('quality.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={saved.isDefault ? 'default' : 'blue'} data-testid="quality-rules-state">
          {t(saved.isDefault ? 'quality.isDefault' : 'quality.isCustom')}
        </Tag>
        {dirty && <Tag color="orange">{t('quality.unsaved')}</Tag>}
        {!editable && <Typography.Text type="secondary">{t('quality.readOnly')}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="quality-rules-error" />}
      <div className="quality-rules-layout">
        <div className="quality-rules-list">
          {rules.map((rule, index) => (
            <QualityRuleCard
              key={rule.id}
              rule={rule}
              editable={editable}
              onChange={(changed) => setRules(rules.map((r, i) => (i === index ? changed : r)))}
            />
          ))}
        </div>
        <div className="quality-rules-side">
          <RuleTester rules={rules} />
          {editable && (
            <Space style={{ marginTop: 12 }}>
              <Button
                type="primary"
                loading={busy}
                disabled={!dirty}
                onClick={() => void run(() => saveQualityRules(rules), t('quality.saved'))}
                data-testid="quality-rules-save"
              >
                {t('quality.save')}
              </Button>
              <Popconfirm
                title={t('quality.resetConfirm')}
                onConfirm={() => void run(resetQualityRules, t('quality.resetDone'))}
                okText={t('quality.reset')}
              >
                <Button disabled={busy || (saved.isDefault && !dirty)} data-testid="quality-rules-reset">
                  {t('quality.reset')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </div>
      </div>
    </div>
  );
}
