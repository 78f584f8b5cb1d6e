import { z } from 'zod';

/** An exam room of an event (sites and rooms by category) used by the seat draw. */
export const ExamRoomInputSchema = z.object({
  examCategory: z.string().trim().min(1).max(20).meta({ title: '考试类别' }),
  siteName: z.string().trim().min(2).max(80).meta({ title: '考点' }),
  siteAddress: z.string().trim().min(2).max(120).meta({ title: '考点地址' }),
  roomCode: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, '考场号为1至3位数字')
    .meta({ title: '考场号' }),
  capacity: z
    .number()
    .int()
    .min(1, '座位数至少为1')
    .max(99, '座位数不能超过99')
    .meta({ title: '座位数' }),
});
export type ExamRoomInput = z.infer<typeof ExamRoomInputSchema>;
export const ExamRoomSchema = ExamRoomInputSchema.extend({ id: z.uuid() });
/** An event's rooms, listed for staff before they draw the seats. */
export const ExamRoomListSchema = z.object({ items: z.array(ExamRoomSchema) });

/** The seat draw: every confirmed registration gets a room and seat, reproducibly from the seed. */
export const AssignSeatsSchema = z.object({
  /** The recorded seed; omitted → drawn from the server's random source and recorded. */
  seed: z.string().trim().min(8, '种子至少8个字符').max(128).optional().meta({ title: '随机种子' }),
});
/** A recorded seat draw: seed, algorithm and input digest let anyone replay and check it. */
export const SeatDrawSchema = z.object({
  id: z.uuid(),
  seed: z.string(),
  algorithm: z.string(),
  inputDigest: z.string(),
  assigned: z.number().int(),
  createdAt: z.string(),
});

/** The admission ticket 准考证 to print; the photo is fetched separately, never embedded here. */
export const AdmissionTicketSchema = z.object({
  ticketNumber: z.string(),
  candidateName: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']),
  eventName: z.string(),
  examCategoryName: z.string(),
  siteName: z.string(),
  siteAddress: z.string(),
  roomCode: z.string(),
  seatNumber: z.number().int(),
  examStartsAt: z.string().nullable(),
  examEndsAt: z.string().nullable(),
  photoUrl: z.string(),
  rules: z.array(z.string()),
});
export type AdmissionTicket = z.infer<typeof AdmissionTicketSchema>;
