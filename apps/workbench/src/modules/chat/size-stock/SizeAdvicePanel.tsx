import type { BodyMeasurements, CatalogueProductDetail, SizeAdviceResponse } from '@golddesk/contracts';
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/api-client';
import { sizeAdvice } from '../../catalogue';
import { sizeSentence } from './size-stock';

interface SizeAdvicePanelProps {
  product: CatalogueProductDetail;
  /** What the buyer's latest messages say: pre-fills the fields and asks at once. */
  measured: BodyMeasurements;
  /** Puts the buyer's sentence in the composer. */
  onSend: (sentence: string) => void;
  /** The advised size, for the stock list to mark. */
  onAdvised: (size: string | null) => void;
}

/** 尺码助手 inside the chat: height and weight (pre-filled from the buyer), the product's advised size, 发送. */
export function SizeAdvicePanel({ product, measured, onSend, onAdvised }: SizeAdvicePanelProps) {
  const { t } = useTranslation();
  const [height, setHeight] = useState<number | null>(measured.heightCm ?? null);
  const [weight, setWeight] = useState<number | null>(measured.weightKg ?? null);
  const [answer, setAnswer] = useState<{ advice: SizeAdviceResponse; height: number; weight: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasChart = !!product.sizeChart?.length;
  const fromBuyer = measured.heightCm !== undefined || measured.weightKg !== undefined;

  async function advise(h = height, w = weight) {
    if (h == null || w == null || !hasChart) return;
    try {
      const advice = await sizeAdvice(product.id, h, w);
      setAnswer({ advice, height: h, weight: w });
      setError(null);
      onAdvised(advice.size);
    } catch (caught) {
      setError(errorMessage(caught));
      onAdvised(null);
    }
  }

  // A buyer who gave both gets the advice without a click; another product asks again.
  useEffect(() => {
    setAnswer(null);
    onAdvised(null);
    if (measured.heightCm !== undefined && measured.weightKg !== undefined) void advise(measured.heightCm, measured.weightKg);
    // Once per product (the panel is keyed by it), not on every keystroke in the fields.
  }, [product.id]);

  const sentence = answer ? sizeSentence(answer.advice, answer.height, answer.weight) : null;
  return (
    <section className="size-stock-section" data-testid="size-stock-advice">
      <div className="size-stock-heading">
        <Typography.Text strong>{t('sizeStock.sizeHelper')}</Typography.Text>
        {fromBuyer && (
          <Tag color="blue" bordered={false} data-testid="size-stock-from-buyer">
            {t('sizeStock.fromBuyer')}
          </Tag>
        )}
      </div>
      {!hasChart ? (
        <Typography.Text type="secondary" data-testid="size-stock-no-chart">
          {t('sizeStock.noChart')}
        </Typography.Text>
      ) : (
        <>
          <Space size={6} wrap>
            <InputNumber
              size="small"
              min={50}
              max={250}
              suffix="cm"
              value={height}
              onChange={setHeight}
              style={{ width: 104 }}
              aria-label={t('sizeStock.height')}
              placeholder={t('sizeStock.height')}
              data-testid="size-stock-height"
            />
            <InputNumber
              size="small"
              min={10}
              max={300}
              suffix="kg"
              value={weight}
              onChange={setWeight}
              style={{ width: 104 }}
              aria-label={t('sizeStock.weight')}
              placeholder={t('sizeStock.weight')}
              data-testid="size-stock-weight"
            />
            <Button
              size="small"
              onClick={() => void advise()}
              disabled={height == null || weight == null}
              data-testid="size-stock-advise"
            >
              {t('sizeStock.advise')}
            </Button>
          </Space>
          {error && <Alert className="size-stock-answer" type="warning" showIcon title={error} />}
          {answer && sentence && (
            <div className="size-stock-answer" data-testid="size-stock-answer" data-size={answer.advice.size ?? ''}>
              <div className="size-stock-answer-head">
                <Tag color={answer.advice.size ? 'green' : 'orange'} className="size-stock-size">
                  {answer.advice.size ? t('sizeStock.advice', { size: answer.advice.size }) : t('sizeStock.noAdvice')}
                </Tag>
                <span className="muted size-stock-why">{answer.advice.message}</span>
              </div>
              <div className="size-stock-sentence">
                <span data-testid="size-stock-sentence">{sentence}</span>
                <Tooltip title={t('sizeStock.sendHint')}>
                  <Button
                    size="small"
                    type="primary"
                    icon={<SendOutlined />}
                    onClick={() => onSend(sentence)}
                    data-testid="size-stock-send"
                  >
                    {t('sizeStock.send')}
                  </Button>
                </Tooltip>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
