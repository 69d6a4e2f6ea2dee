import type { Transaction } from 'kysely';
import type { AfterCommitEffect, AppContext, OpenTransaction } from '../../platform/app-context.js';
import { inProcessRunner, sqliteWorkerRunner } from '../../platform/db/batch-runner.js';
import { GroupCommitter } from '../../platform/db/group-commit.js';
import type { Database } from '../../platform/db/schema.js';
import type { MessageOrigin } from '../../platform/events/domain-events.js';
import type { Message } from '@golddesk/contracts';
import { publishStoredMessages } from './message.events.js';
import { presentMessage } from './message.presenter.js';
import { MESSAGE_REPOSITORY_MODULE, storeMessageBatch, type NewMessage, type StoredMessage } from './message.repository.js';
import { newId } from '../../platform/ids.js';

/**
 * A message to write. The writer gives it an id and the app clock's time unless the caller fixed them (to point
 * companion rows at the message, or to stamp it with the time its rule was decided).
 * held: from a blacklisted buyer; stored, but agents are not told (see publishStoredMessages).
 */
export type MessageDraft = Omit<NewMessage, 'id' | 'createdAt'> & {
  origin: MessageOrigin;
  held?: boolean;
  id?: string;
  createdAt?: string;
};
type Input = NewMessage & { origin: MessageOrigin; held?: boolean };

/** Writes the message through the caller's transaction; returns what was stored (or stood in for it). */
export type WriteInTransaction = (draft: MessageDraft) => Promise<StoredMessage>;

const writers = new WeakMap<AppContext, MessageWriter>();

/**
 * The one door for writing chat messages: seq, clientMsgId de-duplication, search indexing and conversation state
 * (storeMessageBatch), then `message.created` after the commit (publishStoredMessages). Two ways in:
 * - write(): queued; joins the next group commit (buyer, agent and bot messages, auto-replies). Answers once durable.
 * - transaction() / writeInTransaction(): inside a transaction the caller needs (the message commits with a reminder,
 *   a broadcast row or an order change); published after that transaction commits. storeInTransaction serves code
 *   that holds a bare Kysely transaction and publishes itself (publishStoredMessages).
 */
export class MessageWriter {
  private readonly committer: GroupCommitter<Input, StoredMessage>;
  private closing = false;

  constructor(private readonly app: AppContext) {
    const runner =
      app.storage.dialect === 'sqlite'
        ? sqliteWorkerRunner<Input, StoredMessage>(app.config.dataDir, {
            module: MESSAGE_REPOSITORY_MODULE,
            exportName: 'storeMessageBatch',
          })
        : inProcessRunner<Input, StoredMessage>(app.storage.db, storeMessageBatch);
    this.committer = new GroupCommitter(runner, (inputs, outputs) => this.publish(inputs, outputs));
    writers.set(app, this);
  }

  /** Resolves once the message is durable: the stored message, or the earlier one that stands in for it (created false). */
  async write(draft: MessageDraft): Promise<{ message: Message; created: boolean }> {
    const input = completeDraft(this.app, draft);
    // During shutdown (a listener answering the last messages) the writer thread is gone: a transaction of its own.
    const stored = this.closing ? await this.transaction((_trx, write) => write(input)) : await this.committer.submit(input);
    return { message: stored.message ?? presentMessage(stored.row), created: stored.created };
  }

  /**
   * Runs `work` in one transaction on the shared connection; messages written with the given `write` commit with it
   * and are published after the commit (never if it rolls back).
   */
  async transaction<T>(work: (trx: Transaction<Database>, write: WriteInTransaction) => Promise<T>): Promise<T> {
    const effects: AfterCommitEffect[] = [];
    const result = await this.app.storage.db.transaction().execute((trx) => {
      const open: OpenTransaction = { trx, afterCommit: (effect) => effects.push(effect) };
      return work(trx, (draft) => writeInTransaction(this.app, open, draft));
    });
    for (const effect of effects) {
      // Committed is committed: a failed publish must not turn the write into an error the caller would retry.
      await Promise.resolve()
        .then(effect)
        .catch((err: unknown) => this.app.log.error({ err }, 'publishing written messages failed'));
    }
    return result;
  }

  /** Commits what is queued and stops the writer thread (shutdown); later writes take a transaction each. */
  close() {
    this.closing = true;
    return this.committer.close();
  }

  private publish(inputs: Input[], outputs: StoredMessage[]) {
    publishStoredMessages(
      this.app,
      outputs,
      inputs.map((input) => input.origin),
      inputs.map((input) => input.held === true),
    );
  }
}

/** This app's writer (made by buildApp), for listeners and jobs that are handed only the AppContext. */
export function messageWriterOf(app: AppContext): MessageWriter {
  const writer = writers.get(app);
  if (!writer) throw new Error('no MessageWriter was created for this app');
  return writer;
}

/**
 * Writes inside a transaction commands share (see inTransaction in app-context): the message commits with the
 * caller's change, and `message.created` is published once the outermost transaction committed, never on rollback.
 */
export async function writeInTransaction(
  app: AppContext,
  transaction: OpenTransaction,
  draft: MessageDraft,
): Promise<StoredMessage> {
  const input = completeDraft(app, draft);
  const [stored] = await storeMessageBatch(transaction.trx, [input]);
  transaction.afterCommit(() => publishStoredMessages(app, [stored!], [input.origin], [input.held === true]));
  return stored!;
}

/**
 * The writer's path for code that already holds a transaction (an order action's system line commits with the
 * order change). Publish the result with publishStoredMessages after that transaction commits.
 */
export async function storeInTransaction(
  trx: Transaction<Database>,
  drafts: (MessageDraft & { createdAt: string })[],
): Promise<StoredMessage[]> {
  return storeMessageBatch(
    trx,
    drafts.map((draft) => ({ ...draft, id: draft.id ?? newId() })),
  );
}

function completeDraft(app: AppContext, draft: MessageDraft): Input {
  return { ...draft, id: draft.id ?? newId(), createdAt: draft.createdAt ?? app.now().toISOString() };
}
