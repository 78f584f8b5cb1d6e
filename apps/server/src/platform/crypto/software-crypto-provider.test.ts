import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCryptoProviderKnownAnswers } from './crypto-provider.known-answers.test-support';
import type { CryptoProvider } from './crypto-provider.types';
import { generateMasterKeyHex, initKeyRingFile, rotateFieldKey } from './index';
import { createSoftwareCryptoProvider } from './software-crypto-provider';

const AD = { table: 'candidate', column: 'phone', rowId: 'c-7' };
const newDataDir = () => mkdtempSync(join(tmpdir(), 'kaolu-crypto-'));

let shared: CryptoProvider;
beforeAll(async () => {
  shared = (await createSoftwareCryptoProvider({ dataDir: newDataDir(), isProduction: false }))
    .provider;
});
runCryptoProviderKnownAnswers('software provider', () => shared);

describe('software provider key set-up', () => {
  it('creates a 0600 development key file and warns loudly when no master key is configured', async () => {
    const dataDir = newDataDir();
    const created = await createSoftwareCryptoProvider({ dataDir, isProduction: false });
    expect(created.keyFile).toBe(join(dataDir, 'kaolu-keyring.json'));
    expect(statSync(created.keyFile).mode & 0o777).toBe(0o600);
    expect(created.warning).toMatch(/安全警告.*KAOLU_MASTER_KEY/);
    const ciphertext = created.provider.encryptField('13812345678', AD);
    const again = await createSoftwareCryptoProvider({ dataDir, isProduction: false });
    expect(again.provider.decryptField(ciphertext, AD)).toBe('13812345678');
    expect(again.provider.publicKeyHex()).toBe(created.provider.publicKeyHex());
  });

  it('keeps the data keys wrapped: the key file holds no clear data key', async () => {
    const dataDir = newDataDir();
    const masterKeyHex = generateMasterKeyHex();
    const { keyFile } = await createSoftwareCryptoProvider({
      dataDir,
      masterKeyHex,
      isProduction: false,
    });
    const file = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(file.developmentMasterKeyHex).toBeUndefined();
    expect(JSON.stringify(file)).not.toContain(masterKeyHex);
    expect(file.blindIndexKey).toMatch(/^w1\./);
  });

  it('refuses to start in production without a master key', async () => {
    await expect(
      createSoftwareCryptoProvider({ dataDir: newDataDir(), isProduction: true }),
    ).rejects.toThrow(/生产环境必须.*KAOLU_MASTER_KEY/);
  });

  it('refuses in production a missing key ring, a development key file, or a world-readable one', async () => {
    const masterKeyHex = generateMasterKeyHex();
    const dataDir = newDataDir();
    await expect(
      createSoftwareCryptoProvider({ dataDir, masterKeyHex, isProduction: true }),
    ).rejects.toThrow(/不存在/);
    const dev = await createSoftwareCryptoProvider({ dataDir, isProduction: false });
    await expect(
      createSoftwareCryptoProvider({
        dataDir,
        keyFile: dev.keyFile,
        masterKeyHex,
        isProduction: true,
      }),
    ).rejects.toThrow(/开发密钥文件/);
    const keyFile = join(newDataDir(), 'ring.json');
    await initKeyRingFile({ masterKeyHex, keyFile });
    chmodSync(keyFile, 0o644);
    await expect(
      createSoftwareCryptoProvider({ dataDir, keyFile, masterKeyHex, isProduction: true }),
    ).rejects.toThrow(/权限过宽/);
  });

  it('starts in production from an initialised key ring outside any repository, and not inside one', async () => {
    const masterKeyHex = generateMasterKeyHex();
    const keyFile = join(newDataDir(), 'ring.json');
    await initKeyRingFile({ masterKeyHex, keyFile });
    await expect(initKeyRingFile({ masterKeyHex, keyFile })).rejects.toThrow(/已存在/);
    const started = await createSoftwareCryptoProvider({
      dataDir: '/nonexistent',
      keyFile,
      masterKeyHex,
      isProduction: true,
    });
    expect(started.warning).toBeUndefined();
    const repo = newDataDir();
    mkdirSync(join(repo, '.git'));
    const inRepo = join(repo, 'config', 'ring.json');
    await initKeyRingFile({ masterKeyHex, keyFile: inRepo });
    await expect(
      createSoftwareCryptoProvider({
        dataDir: repo,
        keyFile: inRepo,
        masterKeyHex,
        isProduction: true,
      }),
    ).rejects.toThrow(/代码仓库/);
  });

  it('fails loudly with the wrong master key or a malformed one', async () => {
    const dataDir = newDataDir();
    await createSoftwareCryptoProvider({
      dataDir,
      masterKeyHex: generateMasterKeyHex(),
      isProduction: false,
    });
    await expect(
      createSoftwareCryptoProvider({
        dataDir,
        masterKeyHex: generateMasterKeyHex(),
        isProduction: false,
      }),
    ).rejects.toThrow(/主密钥与密钥文件不匹配/);
    await expect(
      createSoftwareCryptoProvider({
        dataDir: newDataDir(),
        masterKeyHex: 'abc',
        isProduction: false,
      }),
    ).rejects.toThrow(/64 位十六进制/);
  });

  it('cannot decrypt a field written under another key ring', async () => {
    const a = (await createSoftwareCryptoProvider({ dataDir: newDataDir(), isProduction: false }))
      .provider;
    const b = (await createSoftwareCryptoProvider({ dataDir: newDataDir(), isProduction: false }))
      .provider;
    const forged = a
      .encryptField('13812345678', AD)
      .replace(/^v1\.[a-z0-9]+\./, `v1.${b.currentFieldKeyId()}.`);
    expect(() => b.decryptField(forged, AD)).toThrow(/完整性/);
    expect(() => b.decryptField(a.encryptField('13812345678', AD), AD)).toThrow(
      /未知的字段密钥标识/,
    );
  });
});

describe('software provider key rotation', () => {
  it('writes new fields under the new key id while old ids keep decrypting', async () => {
    const options = {
      dataDir: newDataDir(),
      masterKeyHex: generateMasterKeyHex(),
      isProduction: false,
    };
    const { provider } = await createSoftwareCryptoProvider(options);
    const oldId = provider.currentFieldKeyId();
    const old = provider.encryptField('310101199001011234', AD);

    const newId = await rotateFieldKey(options);
    expect(newId).not.toBe(oldId);
    await provider.reloadKeys();
    expect(provider.currentFieldKeyId()).toBe(newId);
    expect(provider.fieldKeyIdOf(provider.encryptField('x', AD))).toBe(newId);
    expect(provider.decryptField(old, AD)).toBe('310101199001011234');

    const moved = provider.reencryptField(old, AD);
    expect(provider.fieldKeyIdOf(old)).toBe(oldId);
    expect(provider.fieldKeyIdOf(moved)).toBe(newId);
    expect(provider.decryptField(moved, AD)).toBe('310101199001011234');
    expect(() => provider.reencryptField(old, { ...AD, rowId: 'c-8' })).toThrow(/完整性/);
  });

  it('reads a field written under a key id another process added, without an explicit reload', async () => {
    const options = {
      dataDir: newDataDir(),
      masterKeyHex: generateMasterKeyHex(),
      isProduction: false,
    };
    const running = (await createSoftwareCryptoProvider(options)).provider;
    await rotateFieldKey(options);
    const rotator = (await createSoftwareCryptoProvider(options)).provider;
    const written = rotator.encryptField('13812345678', AD);
    expect(running.decryptField(written, AD)).toBe('13812345678');
  });
});
