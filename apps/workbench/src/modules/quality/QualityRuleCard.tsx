import { isPhraseRule, QUALITY_LIMITS, type QualityRule, type QualityText } from '@golddesk/contracts';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The rule's name in the reader's language: the shop's own, the built-in rule's, or its kind's. */
export function useRuleName(): (rule: QualityRule) => string {
  const { t } = useTranslation();
  return (rule) => rule.name || t(`quality.rule.${rule.id}`, { defaultValue: t(`quality.kind.${rule.kind}`) });
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="quality-field">
      <Typography.Text type="secondary" className="quality-field-label">
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

function PhraseList({
  value,
  onChange,
  disabled,
  testId,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      mode="tags"
      open={false}
      value={value}
      onChange={(next: string[]) => onChange([...new Set(next.map((p) => p.trim()).filter(Boolean))])}
      tokenSeparators={[',', '，', '、']}
      maxCount={QUALITY_LIMITS.phrases}
      disabled={disabled}
      placeholder={t('quality.phrasesPlaceholder')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

function Bilingual({
  value,
  onChange,
  disabled,
  testId,
}: {
  value: QualityText;
  onChange: (value: QualityText) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      {(['zh', 'en'] as const).map((language) => (
        <Input
          key={language}
          addonBefore={t(`quality.${language}`)}
          value={value[language]}
          maxLength={QUALITY_LIMITS.text}
          disabled={disabled}
          onChange={(event) => onChange({ ...value, [language]: event.target.value })}
          data-testid={`${testId}-${language}`}
        />
      ))}
    </Space>
  );
}

/** One rule of the 质检规则 screen: on/off, points, the words it looks for, its message and rewrite. */
export function QualityRuleCard({
  rule,
  editable,
  onChange,
}: {
  rule: QualityRule;
  editable: boolean;
  onChange: (rule: QualityRule) => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useRuleName();
  const [open, setOpen] = useState(false);
  const off = !editable;
  const set = (change: Partial<QualityRule>) => onChange({ ...rule, ...change } as QualityRule);
  const testId = `quality-rule-${rule.id}`;
  return (
    <Card
      size="small"
      className={rule.enabled ? 'quality-rule' : 'quality-rule quality-rule-off'}
      data-testid={testId}
      title={
        <Space>
          <Switch
            size="small"
            checked={rule.enabled}
            disabled={off}
            onChange={(enabled) => set({ enabled })}
            data-testid={`${testId}-enabled`}
          />
          <span>{nameOf(rule)}</span>
        </Space>
      }
      extra={
        <Space size={4}>
          <Typography.Text type="secondary">{t('quality.pointsLabel')}</Typography.Text>
          <InputNumber
            size="small"
            min={0}
            max={100}
            value={rule.points}
            disabled={off}
            onChange={(points) => set({ points: points ?? 0 })}
            style={{ width: 64 }}
          />
          <Button
            size="small"
            type="link"
            icon={open ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setOpen(!open)}
            data-testid={`${testId}-toggle`}
          >
            {t(open ? 'quality.collapse' : editable ? 'quality.edit' : 'quality.details')}
          </Button>
        </Space>
      }
    >
      {!open && <RuleSummary rule={rule} language={i18n.language === 'en' ? 'en' : 'zh'} />}
      {open && <RuleFields rule={rule} off={off} set={set} testId={testId} />}
    </Card>
  );
}

/** A closed rule: its message and the first of its words. */
function RuleSummary({ rule, language }: { rule: QualityRule; language: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const words = 'phrases' in rule ? [...rule.phrases, ...('clausePhrases' in rule ? rule.clausePhrases : [])] : [];
  return (
    <div className="quality-rule-summary">
      <div>
        <Tag>{t(`quality.kind.${rule.kind}`)}</Tag>
        {!isPhraseRule(rule) && <Tag color="blue">{t('quality.conversationLevel')}</Tag>}
        {rule.message[language]}
      </div>
      {words.length > 0 && (
        <Typography.Text type="secondary" className="quality-rule-words">
          {t('quality.wordCount', { count: words.length, words: words.slice(0, 8).join('、') })}
        </Typography.Text>
      )}
      {rule.kind === 'slow_reply' && (
        <Typography.Text type="secondary">{t('quality.secondsSummary', { seconds: rule.seconds })}</Typography.Text>
      )}
    </div>
  );
}

/** An open rule: everything it has, editable for the managers. */
function RuleFields({
  rule,
  off,
  set,
  testId,
}: {
  rule: QualityRule;
  off: boolean;
  set: (change: Partial<QualityRule>) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {isPhraseRule(rule) && (
        <>
          <Field label={t('quality.phrases')}>
            <PhraseList
              value={rule.phrases}
              disabled={off}
              onChange={(phrases) => set({ phrases })}
              testId={`${testId}-phrases`}
            />
          </Field>
          <Field label={t('quality.clausePhrases')}>
            <PhraseList
              value={rule.clausePhrases}
              disabled={off}
              onChange={(clausePhrases) => set({ clausePhrases })}
              testId={`${testId}-clause-phrases`}
            />
          </Field>
          <Field label={t('quality.exceptions')}>
            <PhraseList
              value={rule.exceptions}
              disabled={off}
              onChange={(exceptions) => set({ exceptions })}
              testId={`${testId}-exceptions`}
            />
          </Field>
        </>
      )}
      {(rule.kind === 'no_greeting' || rule.kind === 'no_thanks') && (
        <Field label={t(rule.kind === 'no_greeting' ? 'quality.greetings' : 'quality.thanks')}>
          <PhraseList value={rule.phrases} disabled={off} onChange={(phrases) => set({ phrases })} testId={`${testId}-phrases`} />
        </Field>
      )}
      {rule.kind === 'slow_reply' && (
        <Field label={t('quality.seconds')}>
          <InputNumber
            min={30}
            max={3600}
            value={rule.seconds}
            disabled={off}
            onChange={(seconds) => set({ seconds: seconds ?? 180 })}
          />
        </Field>
      )}
      <Field label={t('quality.message')}>
        <Bilingual value={rule.message} disabled={off} onChange={(message) => set({ message })} testId={`${testId}-message`} />
      </Field>
      <Field label={t('quality.suggestion')}>
        <Bilingual
          value={rule.suggestion}
          disabled={off}
          onChange={(suggestion) => set({ suggestion })}
          testId={`${testId}-suggestion`}
        />
      </Field>
      {isPhraseRule(rule) && (
        <Field label={t('quality.replace')}>
          <Radio.Group
            value={rule.replace}
            disabled={off}
            onChange={(event) => set({ replace: event.target.value as 'sentence' | 'phrase' })}
            options={[
              { value: 'sentence', label: t('quality.replaceSentence') },
              { value: 'phrase', label: t('quality.replacePhrase') },
            ]}
          />
        </Field>
      )}
    </>
  );
}
