import { randomBytes } from 'node:crypto';
import { digestDrawInput, RANDOM_ALGORITHM, sm3Hex, toCanonicalJson } from '@kaolu/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../audit';
import { auditBase, type ChangeContext } from '../auth/request-context';
import type { CryptoProvider } from '../crypto';
import { AppError } from '../errors/app-error';
import { drawRecord } from './draw.table';

/** What is drawn; each kind registers how to replay it from its recorded input and seed. */
export type DrawKind = 'examiners' | 'candidates' | 'selection_groups' | 'exam_seats';
export type DrawRow = typeof drawRecord.$inferSelect;
/** Recomputes a draw's result from its recorded input and revealed seed (pure, deterministic). */
export type DrawReplayer = (input: unknown, seed: string) => unknown;

// The seed is sealed in its row until the draw: a reader of the database cannot draw ahead.
const sealed = (id: string) => ({ table: 'draw_record', column: 'seed', rowId: id });

/**
 * Verifiable draws (REG-08, IVW-04, IVW-06, REG-02c): `commit` publishes the SM3 hash of a fresh
 * random seed before anything is drawn; `draw` runs the kind's pure draw with that seed, keeps input
 * and result and reveals the seed; `replay` lets anyone recompute it. A second draw for the same
 * scope needs a redraw reason and keeps the draw it supersedes.
 */
export function createDrawService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;
  const replayers = new Map<DrawKind, DrawReplayer>();

  async function commit(
    tx: DbOrTx,
    args: { kind: DrawKind; scopeKey: string; redrawReason?: string },
    ctx: ChangeContext,
  ): Promise<{ id: string; seedHash: string }> {
    const live = await tx
      .select()
      .from(drawRecord)
      .where(
        and(
          eq(drawRecord.kind, args.kind),
          eq(drawRecord.scopeKey, args.scopeKey),
          inArray(drawRecord.status, ['committed', 'drawn']),
        ),
      );
    const previous = live[0];
    const reason = args.redrawReason?.trim();
    if (previous && !reason) throw new AppError('DRAW.REDRAW_NEEDS_REASON');
    if (previous)
      await tx
        .update(drawRecord)
        .set({ status: 'superseded' })
        .where(eq(drawRecord.id, previous.id));
    // 32 random bytes: the seed cannot be guessed from its published hash.
    const seed = randomBytes(32).toString('hex');
    const [row] = await tx
      .insert(drawRecord)
      .values({
        kind: args.kind,
        scopeKey: args.scopeKey,
        seedHash: sm3Hex(seed),
        algorithm: RANDOM_ALGORITHM,
        redrawReason: previous ? reason : null,
        supersedes: previous?.id ?? null,
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system',
      })
      .returning();
    await tx
      .update(drawRecord)
      .set({ seedEnc: crypto.encryptField(seed, sealed(row!.id)) })
      .where(eq(drawRecord.id, row!.id));
    await audit.record(tx, {
      ...auditBase(ctx),
      action: previous ? 'draw.redraw_committed' : 'draw.committed',
      targetType: 'draw_record',
      targetId: row!.id,
      result: 'success',
      details: { kind: args.kind, scopeKey: args.scopeKey, seedHash: row!.seedHash, reason },
    });
    return { id: row!.id, seedHash: row!.seedHash };
  }

  async function draw<R>(
    tx: DbOrTx,
    drawId: string,
    input: unknown,
    run: (seed: string) => R,
    ctx: ChangeContext,
  ): Promise<{ result: R; row: DrawRow }> {
    const [row] = await tx.select().from(drawRecord).where(eq(drawRecord.id, drawId)).for('update');
    if (!row) throw new AppError('DRAW.NOT_FOUND');
    if (row.status !== 'committed' || !row.seedEnc) throw new AppError('DRAW.ALREADY_DRAWN');
    const seed = crypto.decryptField(row.seedEnc, sealed(row.id));
    const result = run(seed);
    // The result is stored as canonical JSON, so a replay compares byte for byte.
    const [drawn] = await tx
      .update(drawRecord)
      .set({
        status: 'drawn',
        seed,
        seedEnc: null,
        input: input as object,
        inputDigest: digestDrawInput(input),
        result: JSON.parse(toCanonicalJson(result)) as object,
        drawnAt: now(),
      })
      .where(eq(drawRecord.id, drawId))
      .returning();
    await audit.record(tx, {
      ...auditBase(ctx),
      action: 'draw.drawn',
      targetType: 'draw_record',
      targetId: drawId,
      result: 'success',
      details: { kind: row.kind, scopeKey: row.scopeKey, inputDigest: drawn!.inputDigest },
    });
    return { result, row: drawn! };
  }

  return {
    commit,
    draw,
    /** Each kind's owner registers how its draw is recomputed, when its module is built. */
    registerReplayer(kind: DrawKind, replayer: DrawReplayer): void {
      replayers.set(kind, replayer);
    },
    /** One draw as anyone may see it: the seed only once drawn. */
    async find(id: string): Promise<DrawRow | undefined> {
      const [row] = await db.select().from(drawRecord).where(eq(drawRecord.id, id));
      return row;
    },
    /** The draws of a scope, newest first, the superseded ones included (nothing is re-run silently). */
    async history(kind: DrawKind, scopeKey: string): Promise<DrawRow[]> {
      return db
        .select()
        .from(drawRecord)
        .where(and(eq(drawRecord.kind, kind), eq(drawRecord.scopeKey, scopeKey)))
        .orderBy(desc(drawRecord.committedAt));
    },
    /**
     * Recomputes a drawn draw from its recorded input and seed: the seed must hash to the value
     * published before the draw, and the result must equal the stored one.
     */
    async replay(id: string): Promise<{ seedMatchesHash: boolean; resultMatches: boolean }> {
      const [row] = await db.select().from(drawRecord).where(eq(drawRecord.id, id));
      if (!row) throw new AppError('DRAW.NOT_FOUND');
      if (row.status === 'committed' || !row.seed) throw new AppError('DRAW.NOT_DRAWN');
      const replayer = replayers.get(row.kind as DrawKind);
      if (!replayer) throw new AppError('DRAW.NOT_REPLAYABLE');
      const again = toCanonicalJson(replayer(row.input, row.seed));
      return {
        seedMatchesHash: sm3Hex(row.seed) === row.seedHash,
        resultMatches: again === toCanonicalJson(row.result),
      };
    },
  };
}

export type DrawService = ReturnType<typeof createDrawService>;
