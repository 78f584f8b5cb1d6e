import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CryptoError } from './crypto.errors';
import { deriveMasterKey, generateMasterKeyHex } from './key-wrap';
import {
  addFieldKeyGeneration,
  createKeyRingFile,
  KeyRingFileSchema,
  unwrapKeyRing,
  type KeyRing,
  type KeyRingFile,
} from './key-ring';

// Where keys come from (NFR-SEC-2): the master key from the environment (passed in by config.ts)
// or, outside production only, a development key file; data keys from a key ring file outside
// the repository and the database. Synchronous so a running provider can reload on a new key id.

/** Settings handed over by config.ts; this module never reads process.env itself. */
export type KeyRingOptions = {
  masterKeyHex?: string | undefined;
  keyFile?: string | undefined;
  dataDir: string;
  isProduction: boolean;
};

export type LoadedKeyRing = { ring: KeyRing; keyFile: string; warning: string | undefined };

const DEFAULT_KEY_FILE_NAME = 'kaolu-keyring.json';

/** The key ring path: KEY_FILE if given, else kaolu-keyring.json in DATA_DIR. */
export function resolveKeyFilePath(options: KeyRingOptions): string {
  return resolve(options.keyFile ?? join(options.dataDir, DEFAULT_KEY_FILE_NAME));
}

/** Writes with mode 0600; exclusive creation fails if another process created the file first. */
function writeKeyRingFile(path: string, file: KeyRingFile, exclusive: boolean): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const target = exclusive ? path : `${path}.${process.pid}.tmp`;
  const fd = openSync(target, exclusive ? 'wx' : 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  // Rename is atomic, so a crash during rotation leaves the old ring intact rather than half a file.
  if (!exclusive) renameSync(target, path);
}

function readKeyRingFile(path: string): KeyRingFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CryptoError(
      'CRYPTO.KEY_FILE',
      `无法读取密钥文件 ${path}：${(error as Error).message}`,
    );
  }
  const parsed = KeyRingFileSchema.safeParse(json);
  if (!parsed.success) throw new CryptoError('CRYPTO.KEY_FILE', `密钥文件 ${path} 格式错误`);
  return parsed.data;
}

function isInsideGitWorkTree(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Production refuses key files that a development shortcut or a careless copy produced. */
function assertProductionKeyFile(path: string, file: KeyRingFile): void {
  if (file.developmentMasterKeyHex) {
    throw new CryptoError(
      'CRYPTO.KEY_CONFIG',
      `生产环境拒绝使用含明文主密钥的开发密钥文件 ${path}`,
    );
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new CryptoError('CRYPTO.KEY_FILE', `密钥文件 ${path} 权限过宽，应为 0600`);
  }
  if (isInsideGitWorkTree(path)) {
    throw new CryptoError('CRYPTO.KEY_FILE', `密钥文件 ${path} 位于代码仓库内，生产环境不允许`);
  }
}

/** Development only: creates the ring, with a fresh master key inside it if none was given. */
function createDevelopmentKeyRing(path: string, masterKeyHex: string | undefined): void {
  const master = masterKeyHex ?? generateMasterKeyHex();
  const file = createKeyRingFile(
    deriveMasterKey(master),
    new Date(),
    masterKeyHex ? undefined : master,
  );
  try {
    writeKeyRingFile(path, file, true);
  } catch (error) {
    // Two processes starting together: the loser reads the winner's file.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function developmentWarning(path: string): string {
  return (
    `【安全警告】未配置 KAOLU_MASTER_KEY，正在使用开发密钥文件 ${path}（主密钥以明文保存在其中）。` +
    '仅限开发和测试，切勿用于生产环境或真实个人数据。'
  );
}

/** Loads and unwraps the key ring, creating a development one when allowed (NFR-SEC-2). */
export function loadKeyRingSync(options: KeyRingOptions): LoadedKeyRing {
  const keyFile = resolveKeyFilePath(options);
  if (options.isProduction && !options.masterKeyHex) {
    throw new CryptoError(
      'CRYPTO.KEY_CONFIG',
      '生产环境必须通过环境变量 KAOLU_MASTER_KEY 提供主密钥',
    );
  }
  if (!existsSync(keyFile)) {
    if (options.isProduction) {
      throw new CryptoError(
        'CRYPTO.KEY_FILE',
        `密钥文件 ${keyFile} 不存在，请先执行密钥初始化（initKeyRingFile）`,
      );
    }
    createDevelopmentKeyRing(keyFile, options.masterKeyHex);
  }
  const file = readKeyRingFile(keyFile);
  if (options.isProduction) assertProductionKeyFile(keyFile, file);
  const masterKeyHex = options.masterKeyHex ?? file.developmentMasterKeyHex;
  if (!masterKeyHex) {
    throw new CryptoError(
      'CRYPTO.KEY_CONFIG',
      `密钥文件 ${keyFile} 需要主密钥，请设置 KAOLU_MASTER_KEY`,
    );
  }
  const ring = unwrapKeyRing(file, deriveMasterKey(masterKeyHex));
  const warning = options.masterKeyHex ? undefined : developmentWarning(keyFile);
  return { ring, keyFile, warning };
}

/** Async face of loadKeyRingSync for startup code. */
export async function loadKeyRing(options: KeyRingOptions): Promise<LoadedKeyRing> {
  return loadKeyRingSync(options);
}

/** Creates a production key ring (no master key inside); refuses to overwrite an existing one. */
export async function initKeyRingFile(options: {
  masterKeyHex: string;
  keyFile: string;
}): Promise<string> {
  const keyFile = resolve(options.keyFile);
  if (existsSync(keyFile))
    throw new CryptoError('CRYPTO.KEY_FILE', `密钥文件 ${keyFile} 已存在，拒绝覆盖`);
  writeKeyRingFile(
    keyFile,
    createKeyRingFile(deriveMasterKey(options.masterKeyHex), new Date()),
    true,
  );
  return keyFile;
}

/**
 * Adds a new field key generation and makes it current (key rotation, step one). Running
 * providers pick it up on reloadKeys() or on first meeting its id; rows are re-encrypted after.
 */
export async function rotateFieldKey(options: KeyRingOptions): Promise<string> {
  const { keyFile } = loadKeyRingSync(options);
  const file = readKeyRingFile(keyFile);
  const masterKeyHex = options.masterKeyHex ?? file.developmentMasterKeyHex ?? '';
  const rotated = addFieldKeyGeneration(file, deriveMasterKey(masterKeyHex), new Date());
  writeKeyRingFile(keyFile, rotated, false);
  return rotated.currentFieldKeyId;
}
