import type { Config } from '../../config';
import { openDatabase, type Database } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { createAuditLog } from '../../platform/audit';
import { createSoftwareCryptoProvider } from '../../platform/crypto';
import { createOutboxProvider, createSmsGateway } from '../../platform/sms';
import { systemClock } from '../../platform/time';
import { createCandidatesService } from '../candidates';
import { createIdentity, type Identity } from './identity.service';

/**
 * The identity module without the HTTP server, for the command-line tools (first administrators,
 * emergency allowlist entries): same database, keys and signed audit log as the server.
 */
export async function openStandaloneIdentity(
  config: Config,
): Promise<{ identity: Identity; database: Database; close(): Promise<void> }> {
  const database = await openDatabase(config.database);
  await applyMigrations(database);
  const { provider: crypto, warning } = await createSoftwareCryptoProvider({
    ...config.keys,
    dataDir: config.dataDir,
    isProduction: config.isProduction,
  });
  if (warning) console.warn(warning);
  const audit = createAuditLog({ db: database.db, crypto });
  // Commands send no SMS; the outbox provider keeps anything queued visible to support.
  const sms = createSmsGateway({
    db: database.db,
    crypto,
    audit,
    provider: createOutboxProvider(),
    dailyLimit: config.sms.dailyLimit,
  });
  const candidates = createCandidatesService({ db: database.db, crypto, audit });
  // The command's clock is the process's own, as the server's platform clock is.
  const identity = createIdentity({
    db: database.db,
    crypto,
    audit,
    sms,
    config,
    candidates,
    now: () => systemClock.now(),
  });
  // A command's entries are chained before it exits; no server may be running to seal them later.
  return {
    identity,
    database,
    close: async () => {
      await audit.stop();
      await database.close();
    },
  };
}
