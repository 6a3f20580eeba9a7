// Preloaded into the server by lib/cli/bench/profile.ts (NODE_OPTIONS=--import; --cpu-prof is not allowed there):
// samples CPU with the inspector, SIGUSR2 starts afresh (after the warm-up), SIGTERM writes
// <PORTAL_CPU_PROFILE_DIR>/<pid>.cpuprofile and exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
const start = () =>
  post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
    .then(() => post('Profiler.start'));
void start();
process.on('SIGUSR2', () => void post('Profiler.stop').then(start));
process.on('SIGTERM', () => {
  post('Profiler.stop')
    .then(({ profile }) =>
      writeFileSync(path.join(process.env.PORTAL_CPU_PROFILE_DIR ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(profile)),
    )
    .finally(() => process.exit(0));
});
