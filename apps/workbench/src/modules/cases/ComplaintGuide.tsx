import { GuideStep, type CaseView } from '@golddesk/contracts';
import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Checkbox, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { requestComposerInsert } from '../../platform/composer-insert';
import { useStore } from '../../platform/store';
import { conversationStore, openConversation } from '../conversations';
import { markGuideStep } from './cases.api';
import { usePolicy } from './policy.store';

/**
 * 投诉处理: 安抚 → 查明原因 → 表明立场 → 全力解决 → 真诚道歉 → 感谢理解 as a checklist (the case records when each was
 * done), each with the shop's suggested phrases; a click on a phrase puts it in the chat box with this buyer.
 */
export function ComplaintGuide({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const policy = usePolicy();
  const [busy, setBusy] = useState<GuideStep | null>(null);
  const doneAt = new Map(item.guide.map((g) => [g.step, g.doneAt]));
  // The case's chat, else the open chat when it is with the same buyer.
  const active = useStore(conversationStore, (s) => s.activeId);
  const activeBuyer = useStore(conversationStore, (s) => (s.activeId ? s.byId[s.activeId]?.buyer.id : undefined));
  const conversationId = item.conversationId ?? (activeBuyer === item.buyerId ? active : null);

  async function tick(step: GuideStep, done: boolean) {
    setBusy(step);
    try {
      await markGuideStep(item.id, step, done);
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  async function insert(phrase: string) {
    if (!conversationId) {
      await navigator.clipboard?.writeText(phrase).catch(() => undefined);
      return void message.info(t('cases.guide.copied'));
    }
    try {
      if (conversationStore.get().activeId !== conversationId) {
        await openConversation(conversationId);
      }
      requestComposerInsert(conversationId, phrase);
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  return (
    <div className="case-block case-guide" data-testid="case-guide">
      <div className="muted case-guide-hint">{conversationId ? t('cases.guide.hint') : t('cases.guide.noChat')}</div>
      {GuideStep.options.map((step, index) => {
        const at = doneAt.get(step) ?? null;
        return (
          <div key={step} className={`case-guide-step${at ? ' done' : ''}`} data-testid={`case-guide-${step}`} data-done={!!at}>
            <Checkbox
              checked={!!at}
              disabled={busy === step}
              onChange={(e) => void tick(step, e.target.checked)}
              data-testid={`case-guide-check-${step}`}
            >
              <span className="case-guide-name">
                {index + 1}. {t(`cases.guide.steps.${step}`)}
              </span>
              {at && <span className="muted case-guide-at">{dayjs(at).format('MM-DD HH:mm')}</span>}
            </Checkbox>
            <div className="case-guide-phrases">
              {(policy?.guidePhrases[step] ?? []).map((phrase, i) => (
                <Tooltip key={i} title={conversationId ? t('cases.guide.insert') : t('cases.guide.copy')} mouseEnterDelay={0.6}>
                  <button
                    type="button"
                    className="case-guide-phrase"
                    onClick={() => void insert(phrase)}
                    data-testid="case-guide-phrase"
                  >
                    <EditOutlined /> {phrase}
                  </button>
                </Tooltip>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
