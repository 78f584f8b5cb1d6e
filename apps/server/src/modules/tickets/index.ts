// Public face of the tickets module (issue 7): exam rooms, the recorded seat draw, admission tickets.
export { createTicketsService, EXAM_RULES, type TicketsService } from './tickets.service';
export { registerTicketRoutes } from './tickets.routes';
export { planSeats, type PlanRoom, type SeatPlan } from './seat-plan';
export { examRoom, seatDraw, admissionTicket } from './ticket.table';
