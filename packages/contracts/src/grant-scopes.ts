import { z } from 'zod';
import { UnitKindSchema } from './units';

// What sec_admin picks a grant's scope from (NFR-UX-1): units, recruitment events and interview
// events by name, never by typing a uuid. The same answer names the scopes of existing grants.

export const GrantScopeUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
});

export const GrantScopeEventSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
});

/** An interview event with the venues and half-day sessions a grant may narrow to (IVW-05). */
export const GrantScopeInterviewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  venues: z.array(z.object({ id: z.uuid(), name: z.string() })),
  sessions: z.array(z.object({ id: z.uuid(), day: z.string(), halfDay: z.enum(['am', 'pm']) })),
});

export const GrantScopeOptionsSchema = z.object({
  units: z.array(GrantScopeUnitSchema),
  events: z.array(GrantScopeEventSchema),
  interviewEvents: z.array(GrantScopeInterviewSchema),
});
export type GrantScopeOptions = z.infer<typeof GrantScopeOptionsSchema>;
