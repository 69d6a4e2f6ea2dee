import { GuideStep } from '@golddesk/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PolicyCard, PolicyList } from './PolicyParts';

/** The complaint guide's phrases per step (安抚 … 感谢理解), which agents insert into the chat from the case view. */
export function PolicyPhrases() {
  const { t } = useTranslation();
  return (
    <PolicyCard title={t('cases.policy.phrases')} hint={t('cases.policy.phrasesHint')} testId="policy-phrases">
      {GuideStep.options.map((step, index) => (
        <div key={step} className="policy-phrase-step" data-testid={`policy-phrases-${step}`}>
          <div className="policy-phrase-title">
            {index + 1}. {t(`cases.guide.steps.${step}`)}
          </div>
          <PolicyList
            name={['guidePhrases', step]}
            rowClassName="policy-phrase-row"
            max={10}
            addLabel={t('cases.policy.addPhrase')}
            addValue={{ text: '' }}
            compactAdd
          >
            {(field) => (
              <Form.Item name={[field.name, 'text']} noStyle>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
              </Form.Item>
            )}
          </PolicyList>
        </div>
      ))}
    </PolicyCard>
  );
}
