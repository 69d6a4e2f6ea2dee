import {
  CARRIERS,
  formatFen,
  pickCourier,
  PROVINCE_NAMES,
  type CarrierCode,
  type CourierRule,
  type CourierRuleInput,
} from '@golddesk/contracts';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { useStore } from '../../platform/store';
import { fetchRules, saveRules } from './logistics.api';
import { courierStore, loadCourierPolicy } from './logistics.store';

type Row = CourierRule & { key: string; deliveryDays: string | null; priority: number; enabled: boolean };

const toRow = (rule: CourierRuleInput & { id?: string }, index: number): Row => ({
  key: rule.id ?? `new-${index}-${Date.now()}`,
  ...rule,
  deliveryDays: rule.deliveryDays ?? null,
  priority: rule.priority ?? 10,
  enabled: rule.enabled ?? true,
});

/** 快递规则: the shop's courier rules as one editable table (owner, manager), and a quote tester that uses the table as edited. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = useCan()('logistics.configure');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const policy = useStore(courierStore, (s) => s);
  const [province, setProvince] = useState<string>('浙江省');
  const [weight, setWeight] = useState<number>(1);

  useEffect(() => {
    const controller = new AbortController();
    fetchRules(controller.signal)
      .then((rules) => setRows(rules.map(toRow)))
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    void loadCourierPolicy();
    return () => controller.abort();
  }, []);

  const change = (key: string, patch: Partial<Row>) => {
    setRows((list) => list?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? list);
    setDirty(true);
  };

  async function save() {
    if (!rows) return;
    if (rows.some((r) => r.provinces.length === 0)) {
      setError(t('logistics.rules.provincesRequired'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await saveRules(rows.map(({ key: _key, ...rule }) => rule));
      setRows(saved.map(toRow));
      setDirty(false);
      void loadCourierPolicy(true);
      void message.success(t('logistics.rules.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const provinceOptions = useMemo(
    () => [{ value: 'default', label: t('logistics.rules.default') }, ...PROVINCE_NAMES.map((p) => ({ value: p, label: p }))],
    [t],
  );
  const carrierOptions = CARRIERS.map((c) => ({ value: c.code, label: c.name }));
  const yuanInput = (row: Row, field: 'firstWeightFen' | 'additionalFen', testId: string) =>
    !editable ? (
      <span data-testid={testId}>{formatFen(row[field])}</span>
    ) : (
      <InputNumber
        size="small"
        min={0}
        max={1000}
        step={0.5}
        precision={2}
        prefix="¥"
        value={row[field] / 100}
        onChange={(value) => change(row.key, { [field]: Math.round(Number(value ?? 0) * 100) })}
        style={{ width: 96 }}
        data-testid={testId}
      />
    );

  const columns: TableColumnsType<Row> = [
    {
      key: 'carrier',
      title: t('logistics.rules.carrier'),
      width: 130,
      render: (_v, row) =>
        !editable ? (
          CARRIERS.find((c) => c.code === row.carrier)?.name
        ) : (
          <Select
            size="small"
            options={carrierOptions}
            value={row.carrier}
            style={{ width: 112 }}
            onChange={(carrier: CarrierCode) => change(row.key, { carrier })}
            data-testid="rule-carrier"
          />
        ),
    },
    {
      key: 'provinces',
      title: t('logistics.rules.provinces'),
      render: (_v, row) =>
        !editable ? (
          <span className="rule-provinces">
            {row.provinces.map((p) => (
              <Tag key={p} bordered={false}>
                {p === 'default' ? t('logistics.rules.default') : p}
              </Tag>
            ))}
          </span>
        ) : (
          <Select
            size="small"
            mode="multiple"
            options={provinceOptions}
            value={row.provinces}
            maxTagCount="responsive"
            style={{ width: '100%', minWidth: 220 }}
            status={row.provinces.length === 0 ? 'error' : undefined}
            onChange={(provinces: string[]) =>
              change(row.key, {
                provinces:
                  provinces.includes('default') && !row.provinces.includes('default')
                    ? ['default']
                    : provinces.filter((p) => p !== 'default' || provinces.length === 1),
              })
            }
            data-testid="rule-provinces"
          />
        ),
    },
    {
      key: 'first',
      title: t('logistics.rules.firstWeight'),
      width: 120,
      render: (_v, row) => yuanInput(row, 'firstWeightFen', 'rule-first'),
    },
    {
      key: 'additional',
      title: t('logistics.rules.additional'),
      width: 120,
      render: (_v, row) => yuanInput(row, 'additionalFen', 'rule-additional'),
    },
    {
      key: 'days',
      title: t('logistics.rules.days'),
      width: 110,
      render: (_v, row) =>
        !editable ? (
          (row.deliveryDays ?? '—')
        ) : (
          <Input
            size="small"
            maxLength={16}
            value={row.deliveryDays ?? ''}
            style={{ width: 80 }}
            onChange={(e) => change(row.key, { deliveryDays: e.target.value || null })}
          />
        ),
    },
    {
      key: 'priority',
      title: t('logistics.rules.priority'),
      width: 80,
      render: (_v, row) =>
        !editable ? (
          row.priority
        ) : (
          <InputNumber
            size="small"
            min={0}
            max={999}
            value={row.priority}
            style={{ width: 64 }}
            onChange={(value) => change(row.key, { priority: Number(value ?? 10) })}
          />
        ),
    },
    {
      key: 'enabled',
      title: t('logistics.rules.enabled'),
      width: 70,
      render: (_v, row) =>
        !editable ? (
          row.enabled ? (
            <Tag color="green">✓</Tag>
          ) : (
            <Tag>—</Tag>
          )
        ) : (
          <Switch size="small" checked={row.enabled} onChange={(enabled) => change(row.key, { enabled })} />
        ),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            width: 50,
            render: (_v: unknown, row: Row) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('logistics.rules.remove')}
                onClick={() => {
                  setRows((list) => list?.filter((r) => r.key !== row.key) ?? list);
                  setDirty(true);
                }}
              />
            ),
          },
        ]
      : []),
  ];

  const quote = rows ? pickCourier(rows, province, weight, policy?.settings?.enabledCarriers) : null;
  const byText = (matchedBy: string) => t(matchedBy === 'province' ? 'logistics.rules.byProvince' : 'logistics.rules.byDefault');

  return (
    <div data-testid="logistics-rules">
      <Typography.Paragraph type="secondary" className="logistics-intro">
        {t('logistics.rules.intro')}
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('logistics.rules.readOnly')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="rules-error" />}
      <Table<Row>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === null}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'rule-row', 'data-carrier': row.carrier }) as HTMLAttributes<HTMLElement>}
      />
      {editable && (
        <div className="logistics-toolbar" style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            data-testid="rule-add"
            onClick={() => {
              setRows((list) => [
                ...(list ?? []),
                toRow({ carrier: 'YTO', provinces: [], firstWeightFen: 500, additionalFen: 100 }, list?.length ?? 0),
              ]);
              setDirty(true);
            }}
          >
            {t('logistics.rules.add')}
          </Button>
          <Space>
            {dirty && <Tag color="orange">{t('logistics.rules.unsaved')}</Tag>}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!dirty}
              onClick={() => void save()}
              data-testid="rules-save"
            >
              {t('logistics.rules.save')}
            </Button>
          </Space>
        </div>
      )}
      <Card size="small" className="logistics-quote" title={t('logistics.rules.quote')} data-testid="quote-tester">
        <Space wrap>
          <span>{t('logistics.rules.province')}</span>
          <Select
            showSearch
            value={province}
            onChange={setProvince}
            style={{ width: 180 }}
            data-testid="quote-province"
            options={PROVINCE_NAMES.map((p) => ({ value: p, label: p }))}
          />
          <span>{t('logistics.rules.weight')}</span>
          <InputNumber
            min={0.1}
            max={1000}
            step={0.5}
            value={weight}
            onChange={(v) => setWeight(Number(v ?? 1))}
            data-testid="quote-weight"
          />
        </Space>
        <div className="logistics-quote-result" data-testid="quote-result">
          {quote?.choice ? (
            <>
              <Typography.Text strong>
                {t('logistics.rules.result', {
                  carrier: quote.choice.carrierName,
                  cost: formatFen(quote.choice.costFen),
                  kg: quote.choice.billedKg,
                  by: byText(quote.choice.matchedBy),
                })}
              </Typography.Text>
              {quote.choice.deliveryDays && (
                <Tag style={{ marginInlineStart: 8 }}>
                  {t('logistics.rules.days')}：{quote.choice.deliveryDays}
                </Tag>
              )}
              {quote.alternatives.length > 1 && (
                <div className="muted" style={{ marginTop: 4 }}>
                  {t('logistics.rules.alternatives')}
                  {quote.alternatives
                    .slice(1)
                    .map((a) => `${a.carrierName} ${formatFen(a.costFen)}`)
                    .join('，')}
                </div>
              )}
            </>
          ) : (
            <Typography.Text type="warning">{t('logistics.rules.noRule')}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}
