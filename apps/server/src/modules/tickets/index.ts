// Public face of the tickets module: exam rooms, the recorded seat draw, admission tickets.
import { defineModule } from '../../platform/modules/module-registry';
import { registerTicketRoutes } from './tickets.routes';
import { createTicketsService } from './tickets.service';

export { createTicketsService, EXAM_RULES, type TicketsService } from './tickets.service';
export { registerTicketRoutes } from './tickets.routes';
export { planSeats, type PlanRoom, type SeatPlan } from './seat-plan';
export { ticketNumbersOf } from './ticket-numbers.queries';
export { ticketHoldersOf } from './ticket-holders.queries';
export {
  ticketNumbersOfEvent,
  ticketNumbersOf as ticketNumbersOfRegistrations,
  ticketNumberOf,
} from './ticket.queries';

/** Built after registrations: seats go to its confirmed registrations. */
export const ticketsModule = defineModule({
  name: 'tickets',
  dependsOn: ['registrations', 'events', 'candidates'],
  create: ({ db, crypto, audit, clock }) =>
    createTicketsService({ db, crypto, audit, now: () => clock.now() }),
  routes: (app, tickets) => registerTicketRoutes(app, { tickets }),
});
