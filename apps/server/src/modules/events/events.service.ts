import {
  EventPolicySchema,
  type CreateEvent,
  type EventPolicy,
  type EventStatus,
  type UpdateEvent,
} from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus, assertEventTransition } from './event-lifecycle';
import {
  findEventByCode,
  findEventById,
  findEvents,
  findPolicyVersion,
  findPolicyVersions,
  insertEvent,
  insertPolicyVersion,
  touchEventRow,
  updateEventRow,
  type EventFilter,
  type EventRecord,
} from './events.repository';
import { createDeadlineChange } from './event-deadline';
import { assertScheduleFits } from './event-schedule';
import { copyTemplate, type PolicyTemplateId } from './policy-templates';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** What the events use cases need; `now` comes from the platform clock so tests can move time. */
export type EventsDeps = { db: Db; audit: AuditLog; now: () => Date };
export type EventsService = ReturnType<typeof createEventsService>;

/**
 * Recruitment events: creation from the type's policy template, edits of the copy as new
 * policy versions, lifecycle transitions and REG-01 deadline changes — each audited in its transaction.
 */
export function createEventsService(deps: EventsDeps) {
  const { db, audit, now } = deps;

  /** One event or EVENT.NOT_FOUND; `lock` takes FOR UPDATE so edits of its documents serialise. */
  async function getEvent(tx: DbOrTx, id: string, lock = false): Promise<EventRecord> {
    const event = await findEventById(tx, id, lock);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /** Moves the event along its lifecycle inside `tx`, audited with from and to in the same transaction. */
  async function transitionIn(
    tx: DbOrTx,
    id: string,
    to: EventStatus,
    ctx: ChangeContext,
  ): Promise<EventRecord> {
    const event = await getEvent(tx, id, true);
    assertEventTransition(event.status, to);
    const updated = await updateEventRow(tx, id, { status: to }, now());
    await audit.record(tx, {
      ...auditBase(ctx),
      action: 'event.status_changed',
      targetType: 'recruitment_event',
      targetId: id,
      result: 'success',
      details: { from: event.status, to },
    });
    return updated;
  }

  const service = {
    // Reads outside a transaction: the routes present the current state.
    getEvent: (id: string) => getEvent(db, id),
    list: (filter: EventFilter) => findEvents(db, filter),

    /** Creates a draft event with a copy of its type's template (or the named one) as policy version 1. */
    async create(
      input: CreateEvent & { template?: PolicyTemplateId; sourceEventId?: string | null },
      ctx: ChangeContext,
      tx?: DbOrTx,
    ): Promise<EventRecord> {
      // The schedule is checked against the copied policy: a window for a stage the template lacks
      // is refused.
      const policy = copyTemplate(input.template ?? input.type);
      assertScheduleFits(input.schedule, policy);
      const run = async (t: DbOrTx) => {
        // Checked first for a Chinese message; the unique code column still decides between two at
        // once.
        if (await findEventByCode(t, input.code))
          throw new AppError('EVENT.CODE_TAKEN', { message: `事项编号「${input.code}」已存在` });
        const event = await insertEvent(t, {
          code: input.code,
          name: input.name,
          type: input.type,
          year: input.year,
          status: 'draft',
          schedule: input.schedule,
          policy,
          policyVersion: 1,
          sourceEventId: input.sourceEventId ?? null,
        });
        await insertPolicyVersion(t, {
          eventId: event.id,
          version: 1,
          policy,
          reason: '按模板创建',
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : null,
        });
        await audit.record(t, {
          ...auditBase(ctx),
          action: 'event.created',
          targetType: 'recruitment_event',
          targetId: event.id,
          result: 'success',
          details: { code: input.code, type: input.type, template: input.template ?? input.type },
        });
        return event;
      };
      // Inside the caller's transaction when given one (second round), else in its own.
      return tx ? run(tx) : db.transaction(run);
    },

    /**
     * Renames or reschedules an event; the old and new schedule are both audited. Closed events are
     * history (NFR-HIS-1): like their policy, they no longer change.
     */
    async update(id: string, input: UpdateEvent, ctx: ChangeContext): Promise<EventRecord> {
      return db.transaction(async (tx) => {
        const event = await getEvent(tx, id, true);
        assertEventStatus(
          event.status,
          ['draft', 'collecting', 'published', 'registration', 'in_progress'],
          '修改',
        );
        if (input.schedule) assertScheduleFits(input.schedule, event.policy);
        const updated = await updateEventRow(
          tx,
          id,
          {
            name: input.name ?? event.name,
            schedule: input.schedule ?? event.schedule,
          },
          now(),
        );
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'event.updated',
          targetType: 'recruitment_event',
          targetId: id,
          result: 'success',
          details: {
            from: { name: event.name, schedule: event.schedule },
            to: { name: updated.name, schedule: updated.schedule },
          },
        });
        return updated;
      });
    },

    /**
     * Saves an edited policy as the next version; decisions made earlier keep citing theirs. The
     * old
     * and new documents both go into the audit entry, so a change can be read without the versions.
     */
    async updatePolicy(
      id: string,
      policy: EventPolicy,
      reason: string,
      ctx: ChangeContext,
    ): Promise<EventRecord> {
      // Parsed here too, so whatever calls the service stores only a valid policy document.
      const parsed = EventPolicySchema.parse(policy);
      return db.transaction(async (tx) => {
        const event = await getEvent(tx, id, true);
        assertEventStatus(
          event.status,
          ['draft', 'collecting', 'published', 'registration', 'in_progress'],
          '修改政策',
        );
        // A new policy may drop a stage: the existing schedule must still fit it.
        assertScheduleFits(event.schedule, parsed);
        const version = event.policyVersion + 1;
        await insertPolicyVersion(tx, {
          eventId: id,
          version,
          policy: parsed,
          reason,
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : null,
        });
        const updated = await updateEventRow(
          tx,
          id,
          { policy: parsed, policyVersion: version },
          now(),
        );
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'event_policy.changed',
          targetType: 'recruitment_event',
          targetId: id,
          result: 'success',
          details: {
            fromVersion: event.policyVersion,
            toVersion: version,
            reason,
            from: event.policy,
            to: parsed,
          },
        });
        return updated;
      });
    },

    /** Moves the event along its lifecycle (transition table), audited with from and to. */
    async transition(id: string, to: EventStatus, ctx: ChangeContext): Promise<EventRecord> {
      return db.transaction(async (tx) => transitionIn(tx, id, to, ctx));
    },

    /** The same move inside the caller's transaction (brochure publication moves 征集中 → 已发布). */
    transitionIn,

    // REG-01: a stage's deadline, changed at any time before the event closes.
    changeDeadline: createDeadlineChange({ db, audit, now, getEvent }),

    // Every version of the policy, oldest first (event_policy_version).
    policyVersions: (id: string) => findPolicyVersions(db, id),

    /** The policy a past decision used, by the version it recorded. */
    async policyAt(id: string, version: number): Promise<EventPolicy> {
      const row = await findPolicyVersion(db, id, version);
      if (!row) throw new AppError('EVENT.POLICY_VERSION_NOT_FOUND');
      return row.policy as EventPolicy;
    },

    /**
     * Marks the event changed (its updatedAt) inside the caller's transaction: positions call it when
     * what is published changes, which moves the public search version (readSearchVersion).
     */
    async touch(tx: DbOrTx, id: string): Promise<void> {
      await touchEventRow(tx, id, now());
    },

    // The module's clock, shared with the modules that ask whether a stage is open.
    now,
    /**
     * INT-08: a second-round event, created and moved straight to 征集中 in the caller's transaction;
     * its creation entry (and the caller's second_round.generated entry) record it.
     */
    async createCollecting(
      input: CreateEvent & { sourceEventId: string },
      ctx: ChangeContext,
      tx: DbOrTx,
    ): Promise<EventRecord> {
      const created = await service.create(input, ctx, tx);
      // Through the transition table even here, so draft → collecting stays the only way in.
      assertEventTransition(created.status, 'collecting');
      return updateEventRow(tx, created.id, { status: 'collecting' }, now());
    },
  };
  return service;
}
