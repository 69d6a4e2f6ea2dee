import { formatFen, type Footprint } from '@golddesk/contracts';
import { ShoppingOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../platform/clock';
import { timeAgo } from './crm-format';

/** 浏览足迹: products the buyer looked at, newest first, with when and how often (live). */
export function FootprintList({ footprints }: { footprints: Footprint[] }) {
  const { t } = useTranslation();
  const now = useNow();
  if (footprints.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.noFootprints')} />;
  return (
    <div data-testid="footprint-list">
      {footprints.map((f) => (
        <div key={f.productId} className="crm-footprint" data-testid="footprint-item" data-product-id={f.productId}>
          <div className="crm-footprint-image">{f.imageUrl ? <img src={f.imageUrl} alt="" /> : <ShoppingOutlined />}</div>
          <div className="crm-footprint-body">
            <div className="crm-ellipsis" title={f.title}>
              {f.title}
            </div>
            <div className="crm-meta">
              <span className="crm-price">{formatFen(f.priceFen)}</span>
              <span data-testid="footprint-time">{timeAgo(f.viewedAt, now, t)}</span>
              {f.views > 1 && <span> · {t('crm.views', { n: f.views })}</span>}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
