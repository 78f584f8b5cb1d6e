import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { AppError } from '../errors/app-error';
import { cleanFileName, detectFileType, FILE_TYPE_LABELS } from './file-types';
import {
  storedFile,
  type FileOwnerKind,
  type FilePurpose,
  type StoredFileMime,
} from './stored-file.table';

/** A stored file's description, without its content. */
export type StoredFileInfo = Omit<typeof storedFile.$inferSelect, 'contentEnc'>;
export type FileStore = ReturnType<typeof createFileStore>;

export type StoreFileInput = {
  ownerKind: FileOwnerKind;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string | undefined;
  /** Largest accepted size in bytes. */
  maxBytes: number;
  allowed?: readonly StoredFileMime[];
  /** Files an owner may keep for this purpose; files are never replaced, so this bounds storage. */
  maxFilesPerOwner?: number;
};

const DEFAULT_MAX_FILES = 50;
const infoColumns = {
  id: storedFile.id,
  ownerKind: storedFile.ownerKind,
  ownerId: storedFile.ownerId,
  purpose: storedFile.purpose,
  fileName: storedFile.fileName,
  mime: storedFile.mime,
  sizeBytes: storedFile.sizeBytes,
  sm3: storedFile.sm3,
  createdAt: storedFile.createdAt,
};
const ad = (id: string) => ({ table: 'stored_file', column: 'content', rowId: id });

/** Sizes the way people read them, rounded up so an oversized file never reads as the limit: 812KB, 5.1MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)}KB`;
  return `${String(Math.ceil((bytes / 1024 / 1024) * 10) / 10)}MB`;
}

/**
 * Encrypted, immutable file storage (INT-05 materials, NFR-SEC-3). Bytes are sealed with the field
 * key through the crypto provider (base64 inside the field ciphertext, bound to the row id), so a
 * database copy shows no document, and a ciphertext moved to another row does not open.
 */
export function createFileStore(deps: { db: Db; crypto: CryptoProvider }) {
  const { db, crypto } = deps;

  /** The type by content, or a Chinese refusal naming what is wrong (empty, too large, wrong type). */
  function validate(
    bytes: Buffer,
    input: Pick<StoreFileInput, 'maxBytes' | 'allowed' | 'fileName'>,
  ): StoredFileMime {
    if (bytes.length === 0)
      throw new AppError('FILE.EMPTY', { message: '文件内容为空，请重新选择文件' });
    if (bytes.length > input.maxBytes) {
      throw new AppError('FILE.TOO_LARGE', {
        message: `文件不能超过 ${formatBytes(input.maxBytes)}，当前为 ${formatBytes(bytes.length)}`,
        details: { maxBytes: input.maxBytes, size: bytes.length },
      });
    }
    const allowed = input.allowed ?? (Object.keys(FILE_TYPE_LABELS) as StoredFileMime[]);
    const mime = detectFileType(bytes, allowed);
    if (!mime) {
      const names = allowed.map((m) => FILE_TYPE_LABELS[m]).join('、');
      throw new AppError('FILE.TYPE_NOT_ALLOWED', {
        message: `「${cleanFileName(input.fileName)}」不是 ${names} 文件，仅支持 ${names} 格式（按文件内容识别）`,
        details: { allowed },
      });
    }
    return mime;
  }

  /** Checks and stores a file in the caller's transaction; answers its description. */
  async function store(tx: DbOrTx, bytes: Buffer, input: StoreFileInput): Promise<StoredFileInfo> {
    const mime = validate(bytes, input);
    const owned = and(
      eq(storedFile.ownerKind, input.ownerKind),
      eq(storedFile.ownerId, input.ownerId),
      eq(storedFile.purpose, input.purpose),
    );
    const [held] = await tx.select({ n: count() }).from(storedFile).where(owned);
    const limit = input.maxFilesPerOwner ?? DEFAULT_MAX_FILES;
    if (Number(held?.n ?? 0) >= limit)
      throw new AppError('FILE.QUOTA_EXCEEDED', {
        message: `上传文件数量已达上限（${limit}个），请联系考录机构`,
        details: { limit },
      });
    const id = randomUUID();
    const [row] = await tx
      .insert(storedFile)
      .values({
        id,
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        purpose: input.purpose,
        fileName: cleanFileName(input.fileName),
        mime,
        sizeBytes: bytes.length,
        sm3: crypto.sm3(bytes),
        contentEnc: crypto.encryptField(bytes.toString('base64'), ad(id)),
      })
      .returning(infoColumns);
    return row!;
  }

  /** The description of each existing file among the ids (missing ones are simply absent). */
  async function describe(ids: readonly string[], tx: DbOrTx = db): Promise<StoredFileInfo[]> {
    if (ids.length === 0) return [];
    return tx
      .select(infoColumns)
      .from(storedFile)
      .where(inArray(storedFile.id, [...ids]));
  }

  /** A file and its clear bytes; FILE.NOT_FOUND if absent. A digest mismatch is a broken invariant and throws. */
  async function read(
    id: string,
    tx: DbOrTx = db,
  ): Promise<{ info: StoredFileInfo; bytes: Buffer }> {
    const [row] = await tx.select().from(storedFile).where(eq(storedFile.id, id));
    if (!row) throw new AppError('FILE.NOT_FOUND');
    const { contentEnc, ...info } = row;
    const bytes = Buffer.from(crypto.decryptField(contentEnc, ad(id)), 'base64');
    if (bytes.length !== info.sizeBytes || crypto.sm3(bytes) !== info.sm3)
      throw new Error(`stored file ${id} does not match its SM3 digest`);
    return { info, bytes };
  }

  return { validate, store, describe, read };
}
