// What an operator does before a browser story starts: an SMS gateway to read codes from, and the
// first administrators created with the real command on the server's data folder.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type SmsSink = {
  /** URL for the server's SMS_HTTP_URL (SMS_PROVIDER=http). */
  url: string;
  /** The newest 6-digit code sent to a phone, waiting up to 10 s for it to arrive. */
  code(phone: string): Promise<string>;
  /** `code` as a thunk, for helpers that ask for the code only when they need it. */
  codeFor(phone: string): () => Promise<string>;
  close(): void;
};

/** Stands in for the operator's SMS gateway, so tests read codes the way a person reads a phone. */
export async function startSmsSink(): Promise<SmsSink> {
  const messages: Array<{ phone: string; content: string }> = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      messages.push(JSON.parse(body) as { phone: string; content: string });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const code = async (phone: string) => {
    for (let i = 0; i < 100; i++) {
      const found = [...messages]
        .reverse()
        .find((m) => m.phone === phone && /\d{6}/.test(m.content));
      if (found) return /(\d{6})/.exec(found.content)![1]!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no SMS to ${phone}`);
  };
  return {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`,
    code,
    codeFor: (phone) => () => code(phone),
    close: () => receiver.close(),
  };
}

export type FirstAdmins = {
  dataDir: string;
  oneTimePassword(role: 'sys_admin' | 'sec_admin' | 'auditor'): string;
};

/**
 * A fresh data folder with the three security administrators made by `create-admins` (the built
 * command), as on a new installation; usernames sysadm, secadm, audadm with the given phones.
 */
export async function createFirstAdmins(
  name: string,
  phones: { sysAdmin: string; secAdmin: string; auditor: string },
): Promise<FirstAdmins> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `kaolu-e2e-${name}-`));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  const args = [
    '--sys-admin',
    `sysadm:${phones.sysAdmin}`,
    '--sec-admin',
    `secadm:${phones.secAdmin}`,
    '--auditor',
    `audadm:${phones.auditor}`,
  ];
  const out = execFileSync(process.execPath, ['apps/server/dist/cli/create-admins.js', ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  return {
    dataDir,
    oneTimePassword: (role) => new RegExp(`${role}\\t\\S+\\t一次性密码: (\\S+)`).exec(out)![1]!,
  };
}
