import { QuestionOutlined } from '@ant-design/icons';
import { Button, Modal, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../platform/store';
import { setShortcutHelp, shortcutHelpStore } from './shortcut-help.store';
import { MODIFIER, SHORTCUTS } from './shortcut-keys';
import './shortcuts.css';
import './shortcuts.locales';

/** The `?` overlay: every workbench shortcut with what it does. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const open = useStore(shortcutHelpStore, (s) => s);
  const rows = [
    ...SHORTCUTS.map((s) => ({ id: s.action, keys: [MODIFIER, s.key], text: t(`shortcuts.action.${s.action}`) })),
    { id: 'help', keys: ['?'], text: t('shortcuts.action.help') },
  ];
  return (
    <Modal open={open} title={t('shortcuts.title')} footer={null} width={460} onCancel={() => setShortcutHelp(false)}>
      <dl className="shortcut-list" data-testid="shortcut-list">
        {rows.map((row) => (
          <div key={row.id} className="shortcut-row" data-testid={`shortcut-${row.id}`}>
            <dt>
              {row.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && <span className="shortcut-plus">+</span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{row.text}</dd>
          </div>
        ))}
      </dl>
      <p className="shortcut-hint">{t('shortcuts.hint')}</p>
    </Modal>
  );
}

/** A small "?" button that opens the overlay, for agents who do not know the key. */
export function ShortcutHelpButton() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('shortcuts.open')}>
      <Button
        type="text"
        icon={<QuestionOutlined />}
        aria-label={t('shortcuts.title')}
        onClick={() => setShortcutHelp(true)}
        data-testid="shortcut-help-button"
      />
    </Tooltip>
  );
}

/** "Press ? for keyboard shortcuts" under the empty chat pane, itself a way in. */
export function ShortcutHint() {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      size="small"
      className="shortcut-inline"
      onClick={() => setShortcutHelp(true)}
      data-testid="shortcut-hint"
    >
      {t('shortcuts.emptyHint')}
    </Button>
  );
}
