// Every table of kaolu, for Drizzle's typed queries and drizzle-kit's migration generator.
// Each module owns its *.table.ts; only the owning module writes to it.
export * from '../platform/jobs/job.table';
export * from '../modules/events/event.table';
export * from '../modules/units/unit.table';
export * from '../modules/positions/position.table';
export * from '../modules/candidates/candidate.table';
export * from '../platform/audit/audit.table';
export * from '../modules/identity/identity.table';
export * from '../platform/sms/sms.table';
export * from '../modules/lists/list-entry.table';
export * from '../modules/notices/notice.table';
// profile, exam registration, payment, tickets, data exchange
export * from '../modules/data-exchange/interface-log.table';
export * from '../modules/profiles/profile.table';
export * from '../modules/registrations/registration.table';
export * from '../modules/payments/payment.table';
export * from '../modules/tickets/ticket.table';
// written-exam scores, position application, unit review, candidate messages
export * from '../modules/scores/scores.table';
export * from '../modules/applications/application.table';
export * from '../modules/review/review.table';
export * from '../modules/messages/candidate-message.table';
// uploaded materials, stored encrypted (INT-05)
export * from '../platform/files/stored-file.table';
// interview lists, 体测 and their history (INT-02, NFR-HIS-1)
export * from '../modules/interview-lists/interview-list.table';
// verifiable draws and the interview system (REG-08, IVW-01 … IVW-07)
export * from '../platform/draws/draw.table';
export * from '../modules/interviews/interview.table';
// interview scores, composite scores and their history (INT-07, IVW-08, NFR-HIS-1)
export * from '../modules/composite/composite.table';
// problem center 报名问题处理中心 (ONL-01)
export * from '../modules/problems/problem.table';
// public and unified adjustment 调剂 (§7, INT-02, INT-07)
export * from '../modules/adjustment/adjustment.table';
export * from '../modules/interviews/arrangement.table';
export * from '../modules/interviews/checkin.table';
export * from '../modules/interviews/dispatch.table';
// interview scoring: examiner sheets, their history and the computed results (IVW-08, IVW-10)
export * from '../modules/interview-scoring/scoring.table';
// physical exam, re-check and the hospitals' exchange store 中间库 (§7, REG-04, INT-09g)
export * from '../modules/physical-exam/physical-exam.table';
export * from '../modules/physical-exam/hospital-exchange.table';
