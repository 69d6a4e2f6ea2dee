import type { CaseView } from '@golddesk/contracts';
import { CameraOutlined, CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Image } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { isOpenCase } from './case.store';
import { requestEvidence } from './cases.api';

/** 凭证: the type's photo checklist, what the buyer uploaded against each item, what is still missing, and 请买家上传凭证. */
export function CaseEvidence({ item }: { item: CaseView }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const { evidence } = item;

  async function ask() {
    setBusy(true);
    try {
      await requestEvidence(item.id);
      void message.success(t('cases.evidence.asked'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (evidence.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.evidence.none')} />;
  }
  const missing = new Set(evidence.missing);
  return (
    <div className="case-block" data-testid="case-evidence">
      <div className="case-evidence-head">
        <span className={missing.size ? 'case-overdue' : 'muted'} data-testid="case-evidence-missing">
          {missing.size ? t('cases.evidence.missing', { count: missing.size }) : t('cases.evidence.complete')}
        </span>
        {evidence.requested && evidence.requestedAt && (
          <span className="muted">
            {t('cases.evidence.requestedAt', { time: dayjs(evidence.requestedAt).format('MM-DD HH:mm') })}
          </span>
        )}
        {missing.size > 0 && isOpenCase(item) && (
          <Button
            size="small"
            icon={<CameraOutlined />}
            loading={busy}
            onClick={() => void ask()}
            data-testid="case-evidence-ask"
          >
            {evidence.requested ? t('cases.evidence.askAgain') : t('cases.evidence.ask')}
          </Button>
        )}
      </div>
      <Image.PreviewGroup>
        {evidence.items.map((entry) => (
          <div
            key={entry.key}
            className="case-evidence-item"
            data-testid="case-evidence-item"
            data-key={entry.key}
            data-missing={missing.has(entry.key)}
          >
            <div className="case-evidence-label">
              {missing.has(entry.key) ? (
                <ExclamationCircleOutlined className="case-evidence-todo" />
              ) : (
                <CheckCircleFilled className="case-evidence-done" />
              )}
              {i18n.language === 'en' ? entry.labelEn : entry.label}
            </div>
            <div className="case-evidence-photos">
              {entry.photos.length === 0 ? (
                <span className="muted">{t('cases.evidence.waiting')}</span>
              ) : (
                entry.photos.map((photo) => (
                  <Image
                    key={photo.id}
                    src={photo.thumbnailUrl}
                    preview={{ src: photo.url }}
                    width={56}
                    height={56}
                    alt={entry.label}
                    data-testid="case-evidence-photo"
                  />
                ))
              )}
            </div>
          </div>
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
