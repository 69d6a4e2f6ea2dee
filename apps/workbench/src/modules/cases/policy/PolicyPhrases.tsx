import { GuideStep } from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The complaint guide's phrases per step (安抚 … 感谢理解), which agents insert into the chat from the case view. */
export function PolicyPhrases() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.policy.phrases')} className="policy-card" data-testid="policy-phrases">
      <Typography.Paragraph type="secondary" className="policy-hint">
        {t('cases.policy.phrasesHint')}
      </Typography.Paragraph>
      {GuideStep.options.map((step, index) => (
        <div key={step} className="policy-phrase-step" data-testid={`policy-phrases-${step}`}>
          <div className="policy-phrase-title">
            {index + 1}. {t(`cases.guide.steps.${step}`)}
          </div>
          <Form.List name={['guidePhrases', step]}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <div key={field.key} className="policy-phrase-row">
                    <Form.Item name={[field.name, 'text']} noStyle>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('cases.policy.remove')}
                    />
                  </div>
                ))}
                {fields.length < 10 && (
                  <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                    {t('cases.policy.addPhrase')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </div>
      ))}
    </Card>
  );
}
