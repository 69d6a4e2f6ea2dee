import type { AppContext } from '../../platform/app-context.js';
import { inProcessRunner, sqliteWorkerRunner } from '../../platform/db/batch-runner.js';
import { GroupCommitter } from '../../platform/db/group-commit.js';
import type { MessageOrigin } from '../../platform/events/domain-events.js';
import type { Message } from '@golddesk/contracts';
import { publishStoredMessages } from './message.events.js';
import { presentMessage } from './message.presenter.js';
import { MESSAGE_REPOSITORY_MODULE, storeMessageBatch, type NewMessage, type StoredMessage } from './message.repository.js';
import { newId } from '../../platform/ids.js';

/** held: from a blacklisted buyer; stored, but agents are not told (see publishStoredMessages). */
export type MessageDraft = Omit<NewMessage, 'id' | 'createdAt'> & { origin: MessageOrigin; held?: boolean };
type Input = NewMessage & { origin: MessageOrigin; held?: boolean };

/**
 * The one door for writing chat messages. Writes are group-committed; each caller is answered after
 * its message is durable, and `message.created` is published after the commit, never before.
 */
export class MessageWriter {
  private readonly committer: GroupCommitter<Input, StoredMessage>;

  constructor(private readonly app: AppContext) {
    const runner = app.storage.dialect === 'sqlite'
      ? sqliteWorkerRunner<Input, StoredMessage>(app.config.dataDir, { module: MESSAGE_REPOSITORY_MODULE, exportName: 'storeMessageBatch' })
      : inProcessRunner<Input, StoredMessage>(app.storage.db, storeMessageBatch);
    this.committer = new GroupCommitter(runner, (inputs, outputs) => this.publish(inputs, outputs));
  }

  /** Resolves once the message is durable: the stored message, or the earlier one with the same clientMsgId. */
  async write(draft: MessageDraft): Promise<{ message: Message; created: boolean }> {
    const stored = await this.committer.submit({ ...draft, id: newId(), createdAt: this.app.now().toISOString() });
    return { message: stored.message ?? presentMessage(stored.row), created: stored.created };
  }

  /** Commits what is queued and stops the writer (shutdown). */
  close() {
    return this.committer.close();
  }

  private publish(inputs: Input[], outputs: StoredMessage[]) {
    publishStoredMessages(this.app, outputs, inputs.map((input) => input.origin), inputs.map((input) => input.held === true));
  }
}
