import { BUILT_IN_GROUPS, RoutingStrategy } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './routing.locales';

/** A key for a new group: short, lowercase, unique enough within a shop. */
function newGroupKey(): string {
  return `g-${Date.now().toString(36)}`;
}

/** The shop's groups in the routing form: built-in ones (售前/售后/辅助) keep their key, the shop's own can go. */
export function GroupsEditor() {
  const { t } = useTranslation();
  const strategies = RoutingStrategy.options.map((value) => ({ value, label: t(`routing.strategies.${value}`) }));
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <div className="routing-groups">
          {fields.map((field) => (
            <Form.Item key={field.key} noStyle shouldUpdate>
              {({ getFieldValue }) => {
                const key = getFieldValue(['groups', field.name, 'key']) as string;
                const builtIn = (BUILT_IN_GROUPS as readonly string[]).includes(key);
                return (
                  <div className="routing-group-row" data-testid={`routing-group-${key}`}>
                    {/* Registered so the key is part of what the form saves. */}
                    <Form.Item name={[field.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: !builtIn, whitespace: true }]}>
                      <Input
                        placeholder={builtIn ? t(`routing.groups.${key}`) : t('routing.settings.groupName')}
                        maxLength={20}
                        style={{ width: 180 }}
                      />
                    </Form.Item>
                    <Tag bordered={false}>{builtIn ? t('routing.settings.builtIn') : key}</Tag>
                    <Form.Item name={[field.name, 'strategy']} noStyle>
                      <Select options={strategies} style={{ width: 140 }} aria-label={t('routing.settings.strategy')} />
                    </Form.Item>
                    {!builtIn && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('routing.settings.remove')}
                      />
                    )}
                  </div>
                );
              }}
            </Form.Item>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ key: newGroupKey(), name: '', strategy: 'least_busy' })}
            data-testid="routing-add-group"
          >
            {t('routing.settings.addGroup')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
