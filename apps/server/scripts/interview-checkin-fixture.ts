// Browser-test fixture for the interview check-in and candidate draw (IVW-05, IVW-06): writes one
// interview event with a group of candidates into the data folder in DATA_DIR, before the server
// starts on it, and prints the fixture as JSON. Used until the setup pages can build the event.
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createInterviewFixture } from '../src/modules/interviews/checkin.test-support';

const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  LOG_LEVEL: 'silent',
});
const app = await buildApp(config);
try {
  const fixture = await createInterviewFixture(app, { perGroup: 3 });
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
} finally {
  await app.close();
}
