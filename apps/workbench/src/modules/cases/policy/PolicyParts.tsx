import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Typography, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PolicyCardProps {
  title: ReactNode;
  /** The grey line under the title saying what the card decides. */
  hint?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One card of the policy form: its title, a hint, its fields. */
export function PolicyCard({ title, hint, testId, children }: PolicyCardProps) {
  return (
    <Card size="small" title={title} className="policy-card" data-testid={testId}>
      {hint && (
        <Typography.Paragraph type="secondary" className="policy-hint">
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

interface PolicyListProps {
  /** The form path of the list (e.g. `refundFreezes`, `['guidePhrases', step]`). */
  name: string | (string | number)[];
  /** The row's class: `policy-list-row` (fields side by side, the default) or `policy-phrase-row` (one wide field). */
  rowClassName?: string;
  /** The contract's limit on the list; the add button goes away at it. */
  max: number;
  /** What the add button says and adds. */
  addLabel: string;
  addValue: Record<string, unknown>;
  addTestId?: string;
  /** A small link instead of a dashed button (lists repeated within one card). */
  compactAdd?: boolean;
  /** The row's fields; the remove button follows them. */
  children: (field: FormListFieldData) => ReactNode;
}

/** An editable list in the policy form: rows of fields, each with its remove button, and an add button below. */
export function PolicyList({
  name,
  rowClassName = 'policy-list-row',
  max,
  addLabel,
  addValue,
  addTestId,
  compactAdd,
  children,
}: PolicyListProps) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <div key={field.key} className={rowClassName}>
              {children(field)}
              <Button
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('cases.policy.remove')}
              />
            </div>
          ))}
          {fields.length < max && (
            <Button
              {...(compactAdd ? { size: 'small', type: 'link' } : { type: 'dashed' })}
              icon={<PlusOutlined />}
              onClick={() => add(addValue)}
              data-testid={addTestId}
            >
              {addLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
