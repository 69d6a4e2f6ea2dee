import type { TagView } from '@golddesk/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { createTag, setBuyerTags } from './crm.api';
import { loadShopTags, useShopTags } from './tag.store';

const NEW_PREFIX = 'new:';

/** The buyer's tags in their colours; × removes one, "+ 标签" adds one of the shop's (managers may create new ones). */
export function TagEditor({ buyerId, tags }: { buyerId: string; tags: TagView[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const shopTags = useShopTags();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const may = useCan();
  const mayTag = may('crm.tag_buyer');
  const mayCreate = may('crm.manage_tags');

  useEffect(() => {
    void loadShopTags();
  }, []);

  const save = (ids: string[]) => setBuyerTags(buyerId, ids).catch((error: unknown) => void message.error(errorMessage(error)));

  const add = async (value: string) => {
    setAdding(false);
    setSearch('');
    try {
      let id = value;
      if (value.startsWith(NEW_PREFIX)) {
        id = (await createTag(value.slice(NEW_PREFIX.length), 'blue')).id;
        void loadShopTags(true);
      }
      await save([...tags.map((tag) => tag.id), id]);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const applied = new Set(tags.map((tag) => tag.id));
  const name = search.trim().slice(0, 20);
  const options = shopTags
    .filter((tag) => !applied.has(tag.id))
    .map((tag) => ({ value: tag.id, label: <Tag color={tag.color}>{tag.name}</Tag>, name: tag.name }));
  if (mayCreate && name && !shopTags.some((tag) => tag.name === name)) {
    options.push({ value: `${NEW_PREFIX}${name}`, label: <span>{t('crm.newTag', { name })}</span>, name });
  }

  return (
    <div className="crm-tags" data-testid="customer-tags">
      {tags.map((tag) => (
        <Tag
          key={tag.id}
          color={tag.color}
          closable={mayTag}
          data-testid="customer-tag"
          onClose={(event) => {
            event.preventDefault();
            void save(tags.filter((other) => other.id !== tag.id).map((other) => other.id));
          }}
        >
          {tag.name}
        </Tag>
      ))}
      {mayTag &&
        (adding ? (
          <Select
            size="small"
            autoFocus
            defaultOpen
            showSearch={{
              onSearch: setSearch,
              filterOption: (input, option) => String(option?.name ?? '').includes(input.trim()),
            }}
            style={{ width: 140 }}
            placeholder={t('crm.pickTag')}
            options={options}
            onChange={(value: string) => void add(value)}
            onBlur={() => setAdding(false)}
            data-testid="customer-tag-select"
          />
        ) : (
          <Tag className="crm-tag-add" onClick={() => setAdding(true)} data-testid="customer-tag-add">
            <PlusOutlined /> {t('crm.addTag')}
          </Tag>
        ))}
    </div>
  );
}
