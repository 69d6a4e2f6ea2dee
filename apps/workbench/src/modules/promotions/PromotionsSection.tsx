import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { can, PROMOTION_KINDS, type PromotionInput, type PromotionView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { PromotionModal } from './PromotionModal';
import { deletePromotion, fetchPromotions, savePromotion } from './promotions.api';
import './promotions.locales';

const STATUS_COLOR = { active: 'green', upcoming: 'blue', ended: 'default' } as const;
const STATUS_ORDER = { active: 0, upcoming: 1, ended: 2 } as const;

/** 店铺活动: the campaigns with their status, the line {店铺活动} becomes, and a form (owner, manager). */
export function PromotionsSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = can(session, 'promotions.edit');
  const [promotions, setPromotions] = useState<PromotionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ value: PromotionView | null } | null>(null);

  const load = (signal?: AbortSignal) =>
    fetchPromotions(signal)
      .then(setPromotions)
      .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, []);

  async function save(input: PromotionInput, id?: string) {
    await savePromotion(input, id);
    setEditing(null);
    void message.success(t('promotions.saved'));
    await load();
  }

  async function remove(promotion: PromotionView) {
    try {
      await deletePromotion(promotion.id);
      setPromotions((list) => (list ?? []).filter((p) => p.id !== promotion.id));
      void message.success(t('promotions.deleted'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  if (!promotions) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const sorted = [...promotions].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.startsAt.localeCompare(a.startsAt),
  );
  // The same order the server gives {店铺活动}: 预售, 满减, 优惠券, 包邮, others.
  const activeLine = sorted
    .filter((p) => p.status === 'active')
    .sort((a, b) => PROMOTION_KINDS.indexOf(a.kind) - PROMOTION_KINDS.indexOf(b.kind) || a.startsAt.localeCompare(b.startsAt))
    .map((p) => p.summary)
    .join('；');
  return (
    <div data-testid="promotions">
      <Typography.Paragraph type="secondary">{t('promotions.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('promotions.readOnly')} style={{ marginBottom: 12 }} />}
      <Alert
        type="success"
        style={{ marginBottom: 12 }}
        title={
          <span data-testid="promotions-active-line">
            <strong>{t('promotions.activeLine')}</strong> {activeLine || t('promotions.none')}
          </span>
        }
        action={
          editable && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ value: null })}
              data-testid="promotion-add"
            >
              {t('promotions.add')}
            </Button>
          )
        }
      />
      <Table<PromotionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sorted}
        onRow={(p) => ({ 'data-testid': `promotion-row-${p.title}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('promotions.columns.status'),
            width: 80,
            render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`promotions.status.${p.status}`)}</Tag>,
          },
          { title: t('promotions.columns.kind'), width: 80, render: (_, p) => t(`promotions.kinds.${p.kind}`) },
          { title: t('promotions.columns.title'), dataIndex: 'title', width: 130 },
          { title: t('promotions.columns.summary'), dataIndex: 'summary' },
          {
            title: t('promotions.columns.dates'),
            width: 190,
            render: (_, p) => `${dayjs(p.startsAt).format('MM-DD HH:mm')} ~ ${dayjs(p.endsAt).format('MM-DD HH:mm')}`,
          },
          {
            title: t('promotions.columns.link'),
            width: 60,
            render: (_, p) =>
              p.link && (
                <a href={p.link} target="_blank" rel="noreferrer noopener" title={p.link}>
                  <LinkOutlined />
                </a>
              ),
          },
          {
            title: '',
            width: 150,
            render: (_, p) =>
              editable && (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ value: p })}>
                    {t('promotions.edit')}
                  </Button>
                  <Popconfirm title={t('promotions.deleteConfirm')} onConfirm={() => void remove(p)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('promotions.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <PromotionModal value={editing?.value ?? null} open={!!editing} onClose={() => setEditing(null)} onSave={save} />
    </div>
  );
}
