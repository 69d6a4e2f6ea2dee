import type { NoteView } from '@golddesk/contracts';
import { MAX_NOTE_LENGTH } from '@golddesk/contracts';
import { App as AntApp, Button, Empty, Input, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { getSession } from '../../platform/session';
import { useCan } from '../../platform/use-can';
import { addNote, deleteNote, editNote } from './crm.api';

/** 不同买家不同备注: the team's notes on this buyer; authors (and managers) edit or delete theirs. */
export function NotesPanel({ buyerId, notes }: { buyerId: string; notes: NoteView[] }) {
  const may = useCan();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const me = getSession()?.agent.id;
  const mayChange = (note: NoteView) => note.author.id === me || may('crm.change_any_note');
  const fail = (error: unknown) => void message.error(errorMessage(error));

  const submit = () => {
    if (!draft.trim()) return;
    setBusy(true);
    addNote(buyerId, draft.trim())
      .then(() => setDraft(''))
      .catch(fail)
      .finally(() => setBusy(false));
  };

  return (
    <div>
      <Input.TextArea
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={MAX_NOTE_LENGTH}
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('crm.notePlaceholder')}
        data-testid="note-input"
      />
      <div style={{ textAlign: 'right', marginTop: 6 }}>
        <Button type="primary" size="small" loading={busy} disabled={!draft.trim()} onClick={submit} data-testid="note-add">
          {t('crm.addNote')}
        </Button>
      </div>
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.noNotes')} />
      ) : (
        notes.map((note) => (
          <div key={note.id} className="crm-note" data-testid="note-item">
            {editing?.id === note.id ? (
              <>
                <Input.TextArea
                  value={editing.text}
                  maxLength={MAX_NOTE_LENGTH}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  onChange={(event) => setEditing({ id: note.id, text: event.target.value })}
                  data-testid="note-edit-input"
                />
                <Space style={{ marginTop: 6 }}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!editing.text.trim()}
                    onClick={() =>
                      editNote(buyerId, note.id, editing.text.trim())
                        .then(() => setEditing(null))
                        .catch(fail)
                    }
                    data-testid="note-edit-save"
                  >
                    {t('crm.save')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {t('crm.cancel')}
                  </Button>
                </Space>
              </>
            ) : (
              <>
                {mayChange(note) && (
                  <span className="crm-note-actions">
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing({ id: note.id, text: note.text })}
                      data-testid="note-edit"
                    >
                      {t('crm.edit')}
                    </Button>
                    <Popconfirm title={t('crm.deleteNote')} onConfirm={() => deleteNote(buyerId, note.id).catch(fail)}>
                      <Button type="link" size="small" danger data-testid="note-delete">
                        {t('crm.delete')}
                      </Button>
                    </Popconfirm>
                  </span>
                )}
                <div className="crm-note-text" data-testid="note-text">
                  {note.text}
                </div>
                <div className="crm-meta">
                  {note.author.name} · {dayjs(note.createdAt).format('MM-DD HH:mm')}
                  {note.editedAt ? ` · ${t('crm.edited')}` : ''}
                </div>
              </>
            )}
          </div>
        ))
      )}
    </div>
  );
}
