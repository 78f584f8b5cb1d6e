// Browser-test fixture for live monitoring and the exports (IVW-09, INT-09b): one interview event
// with a group of three candidates, five seated examiners and two confirmed sheets, written into
// the data folder in DATA_DIR before the server starts on it; prints the fixture as JSON.
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import {
  createReportsFixture,
  insertSheet,
} from '../src/modules/interview-reports/reports.test-support';

const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  LOG_LEVEL: 'silent',
});
const app = await buildApp(config);
try {
  const fixture = await createReportsFixture(app, { examiners: 5, perGroup: 3 });
  // The first candidate is being scored: two of his five sheets are in and confirmed.
  for (const examinerId of fixture.examinerIds.slice(0, 2))
    await insertSheet(app, fixture, {
      candidateId: fixture.candidates[0]!.id,
      examinerId,
      scores: { A: 4000, B: 4200 },
    });
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
} finally {
  await app.close();
}
