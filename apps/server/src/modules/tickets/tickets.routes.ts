import {
  AdmissionTicketSchema,
  AssignSeatsSchema,
  ExamRoomInputSchema,
  ExamRoomListSchema,
  ExamRoomSchema,
  IdParamSchema,
  SeatDrawSchema,
} from '@kaolu/contracts';
import { actorOf } from '../../platform/auth/actor';
import type { ZodApp } from '../../platform/http/types';
import type { TicketsService } from './tickets.service';
import { principalOf } from '../../platform/auth/request-context';

const tags = ['考场与准考证'];
// Only the room's public fields: the event id and timestamps stay out of the answer.
const present = (r: {
  id: string;
  examCategory: string;
  siteName: string;
  siteAddress: string;
  roomCode: string;
  capacity: number;
}) => ({
  id: r.id,
  examCategory: r.examCategory,
  siteName: r.siteName,
  siteAddress: r.siteAddress,
  roomCode: r.roomCode,
  capacity: r.capacity,
});

/** Exam rooms and the seat draw for staff; the admission ticket for the candidate. */
export function registerTicketRoutes(app: ZodApp, deps: { tickets: TicketsService }): void {
  const { tickets } = deps;
  app.get(
    '/api/admin/events/:id/exam-rooms',
    {
      schema: {
        tags,
        summary: '考场列表',
        params: IdParamSchema,
        response: { 200: ExamRoomListSchema },
      },
      config: { access: { permission: 'ticket.manage' } },
    },
    async (request) => ({ items: (await tickets.listRooms(request.params.id)).map(present) }),
  );
  app.post(
    '/api/admin/events/:id/exam-rooms',
    {
      schema: {
        tags,
        summary: '新增考场',
        params: IdParamSchema,
        body: ExamRoomInputSchema,
        response: { 200: ExamRoomSchema },
      },
      config: { access: { permission: 'ticket.manage' } },
    },
    async (request) =>
      present(await tickets.addRoom(request.params.id, request.body, actorOf(request))),
  );
  // Once per event: the answer carries the seed so anyone can replay the draw.
  app.post(
    '/api/admin/events/:id/seat-assignments',
    {
      schema: {
        tags,
        summary: '编排考场座位（记录随机种子）',
        params: IdParamSchema,
        body: AssignSeatsSchema,
        response: { 200: SeatDrawSchema },
      },
      config: { access: { permission: 'ticket.manage' } },
    },
    async (request) => tickets.assignSeats(request.params.id, request.body.seed, actorOf(request)),
  );
  // The candidate's own ticket only; printing opens with the admission_ticket window.
  app.get(
    '/api/candidate/registrations/:id/ticket',
    {
      schema: {
        tags,
        summary: '我的准考证',
        params: IdParamSchema,
        response: { 200: AdmissionTicketSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => tickets.ticketFor(principalOf(request).id, request.params.id),
  );
}
