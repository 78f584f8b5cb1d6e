// Public face of the physical-exam module 体检与复检 (§7, REG-04, HOS, INT-09g): the list from the
// published composite, appointments, hospitals' results through the exchange store 中间库, the
// org's change approval and the candidate's re-check request.
import type { MessagesService } from '../messages';
import { defineModule } from '../../platform/modules/module-registry';
import { registerHospitalRoutes } from './hospital.routes';
import { createPhysicalExamService } from './physical-exam.module-service';
import { registerPhysicalExamRoutes } from './physical-exam.routes';

export {
  createPhysicalExamService,
  type PhysicalExamService,
} from './physical-exam.module-service';
export { EXCHANGE_SYNC_JOB } from './exchange-sync';

// How often every instance queues the exchange move; the org's button runs it at once.
const SYNC_INTERVAL_MS = 30_000;

/** Built after composite, whose published list it reads, and messages, which tells candidates. */
export const physicalExamModule = defineModule({
  name: 'physical-exam',
  dependsOn: ['composite', 'events', 'units', 'positions', 'candidates', 'tickets', 'messages'],
  create: ({ db, database, audit, jobs, clock }, deps: { messages: MessagesService }) =>
    createPhysicalExamService({
      db,
      database,
      audit,
      jobs,
      messages: deps.messages,
      now: () => clock.now(),
    }),
  routes(app, service) {
    registerPhysicalExamRoutes(app, service);
    registerHospitalRoutes(app, service.hospital);
  },
  start(service, platform) {
    service.exchange.start(SYNC_INTERVAL_MS, (error) =>
      platform.log.error({ err: error }, '体检中间库同步任务入队失败'),
    );
  },
  stop(service) {
    service.exchange.stop();
  },
});
