// Public face of file storage (INT-05 materials): modules import from here, never from the files behind it.
export {
  createFileStore,
  formatBytes,
  type FileStore,
  type StoreFileInput,
  type StoredFileInfo,
} from './file-store';
export { cleanFileName, contentDisposition, detectFileType } from './file-types';
export {
  storedFile,
  type FileOwnerKind,
  type FilePurpose,
  type StoredFileMime,
} from './stored-file.table';
export { sendStoredFile } from './file-reply';
