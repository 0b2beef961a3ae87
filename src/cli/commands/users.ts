/**
 * `marsad users …`: accounts (src/accounts).
 * - `add NAME [--admin] --password-stdin`: creates a reader (an admin with --admin); the
 *   password is the first line of standard input (never an argument: arguments show in
 *   `ps` and shell history). Prints the user as JSON.
 * - `list [--json]`: users with role and creation time.
 * - `remove NAME`: removes the user with their sessions, API keys, follows, read marks, stars.
 * - `passwd NAME --password-stdin`: sets a new password and ends every session of the user.
 * Exit 1 with a message on a bad name, a short password, a taken or unknown name.
 */
import { loadConfig } from '../../config.ts';
import { openStore, type MarsadStore } from '../../store/index.ts';
import { AccountInputError, changePassword, createUser } from '../../accounts/service.ts';
import { PasswordError } from '../../accounts/passwords.ts';

async function withStore<T>(db: string | undefined, fn: (s: MarsadStore) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig({ db }).db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The first line of standard input (without its line ending). */
async function passwordFromStdin(flag: boolean | undefined): Promise<string> {
  if (!flag) throw new Error('users: give the password on standard input with --password-stdin (e.g. printf %s "$PW" | marsad users add NAME --password-stdin)');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const fail = (e: unknown): never => {
  if (e instanceof AccountInputError || e instanceof PasswordError) throw new Error(`users: ${e.message}`);
  throw e;
};

export async function addUser(name: string, o: { db?: string; admin?: boolean; passwordStdin?: boolean }): Promise<void> {
  const password = await passwordFromStdin(o.passwordStdin);
  await withStore(o.db, async (store) => {
    const u = await createUser(store.accounts, { name, password, role: o.admin ? 'admin' : 'reader' }).catch(fail);
    const { feedToken: _t, ...shown } = u;
    process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
  });
}

export async function listUsers(o: { db?: string; json?: boolean }): Promise<void> {
  await withStore(o.db, async (store) => {
    const users = (await store.accounts.listUsers()).map(({ feedToken: _t, ...u }) => u);
    if (o.json) return void process.stdout.write(JSON.stringify(users, null, 2) + '\n');
    if (users.length === 0) return void process.stdout.write('no users (add one with `marsad users add NAME --admin --password-stdin`)\n');
    for (const u of users) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt}\n`);
  });
}

export async function removeUser(name: string, o: { db?: string }): Promise<void> {
  await withStore(o.db, async (store) => {
    const u = await store.accounts.findUserByName(name);
    if (!u) throw new Error(`users: no user named ${name}`);
    await store.accounts.removeUser(u.id);
    process.stdout.write(`removed ${u.name}\n`);
  });
}

export async function setPassword(name: string, o: { db?: string; passwordStdin?: boolean }): Promise<void> {
  const password = await passwordFromStdin(o.passwordStdin);
  await withStore(o.db, async (store) => {
    const u = await store.accounts.findUserByName(name);
    if (!u) throw new Error(`users: no user named ${name}`);
    await changePassword(store.accounts, u.id, password).catch(fail);
    process.stdout.write(`password changed for ${u.name}; their sessions ended\n`);
  });
}
