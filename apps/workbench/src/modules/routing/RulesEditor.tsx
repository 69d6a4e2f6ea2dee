import type { EntryKind, RoutingRule } from '@golddesk/contracts';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Form, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import './routing.locales';

/** A rule as the form edits it: the window as two pickers' values, the entry with 'any' for none. */
export interface FormRule {
  id?: string;
  name: string;
  enabled: boolean;
  group: string;
  entry: EntryKind | 'any';
  keywords: string[];
  window: [Dayjs | null, Dayjs | null] | null;
}

const LOCAL = 'YYYY-MM-DDTHH:mm';

/** Rule windows are China time; the pickers show them as written (the sellers are in China). */
export function toFormRules(rules: readonly RoutingRule[]): FormRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    group: rule.group,
    entry: rule.entry ?? 'any',
    keywords: rule.keywords ?? [],
    window: rule.from || rule.to ? [rule.from ? dayjs(rule.from, LOCAL) : null, rule.to ? dayjs(rule.to, LOCAL) : null] : null,
  }));
}

export function fromFormRules(rules: readonly FormRule[]): RoutingRule[] {
  return rules.map((rule) => ({
    ...(rule.id ? { id: rule.id } : {}),
    name: rule.name ?? '',
    enabled: rule.enabled ?? true,
    group: rule.group,
    ...(rule.entry && rule.entry !== 'any' ? { entry: rule.entry } : {}),
    ...(rule.keywords?.length ? { keywords: rule.keywords } : {}),
    ...(rule.window?.[0] ? { from: rule.window[0].format(LOCAL) } : {}),
    ...(rule.window?.[1] ? { to: rule.window[1].format(LOCAL) } : {}),
  }));
}

/** The shop's rules in order: conditions (entry, keywords, time window) and the group they send buyers to. */
export function RulesEditor({ groupOptions }: { groupOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const entries = (['any', 'shop', 'product', 'order'] as const).map((value) => ({
    value,
    label: t(`routing.settings.entries.${value}`),
  }));
  return (
    <Form.List name="rules">
      {(fields, { add, remove, move }) => (
        <div className="routing-rules">
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('routing.settings.noRules')} />}
          {fields.map((field, index) => (
            <div key={field.key} className="routing-rule" data-testid="routing-rule">
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <div className="routing-rule-head">
                <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle>
                  <Switch size="small" aria-label={t('routing.settings.enabled')} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} noStyle>
                  <Input placeholder={t('routing.settings.ruleName')} maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <span className="routing-rule-arrow">→</span>
                <Form.Item name={[field.name, 'group']} noStyle rules={[{ required: true }]}>
                  <Select
                    options={groupOptions}
                    placeholder={t('routing.settings.ruleGroup')}
                    style={{ width: 140 }}
                    data-testid="routing-rule-group"
                  />
                </Form.Item>
                <span className="routing-rule-tools">
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={t('routing.settings.up')}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('routing.settings.down')}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('routing.settings.remove')}
                  />
                </span>
              </div>
              <div className="routing-rule-conditions">
                <Form.Item name={[field.name, 'entry']} label={t('routing.settings.entry')}>
                  <Select options={entries} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'keywords']} label={t('routing.settings.keywords')}>
                  <Select
                    mode="tags"
                    open={false}
                    placeholder={t('routing.settings.keywordsPlaceholder')}
                    style={{ minWidth: 220 }}
                    data-testid="routing-rule-keywords"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'window']} label={t('routing.settings.window')}>
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
                </Form.Item>
              </div>
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({ name: '', enabled: true, entry: 'any', keywords: [], window: null, group: groupOptions[0]?.value })
            }
            data-testid="routing-add-rule"
          >
            {t('routing.settings.addRule')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
