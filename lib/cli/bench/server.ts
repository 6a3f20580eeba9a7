import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type Memory = { rssMb: number; hwmMb: number };

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The process and all its descendants (next start may serve from a child process). */
export function processTree(root: number): number[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const tree = [root];
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of all) {
      const parent = parentOf(pid);
      if (parent !== null && tree.includes(parent) && !tree.includes(pid)) {
        tree.push(pid);
        grew = true;
      }
    }
  }
  return tree.filter((pid) => existsSync(`/proc/${pid}/status`));
}

/** VmRSS and VmHWM (peak RSS since start) of one process, in MB. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** The portal server: the process of the tree with the largest peak RSS (the one that renders pages). */
export function serverMemory(root: number): Memory & { pid: number } {
  const measured = processTree(root).map((pid) => ({ pid, ...memoryOf(pid) }));
  return measured.reduce((best, next) => (next.hwmMb > best.hwmMb ? next : best), { pid: root, rssMb: 0, hwmMb: 0 });
}

// /proc/<pid>/stat counts CPU in clock ticks; USER_HZ is 100 on Linux (getconf CLK_TCK).
const TICK_MS = 10;

function cpuTicksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14 and stime 15 (1-based over the whole line).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** User + system CPU milliseconds used so far by the server's process tree (read before and after a scenario). */
export function serverCpuMs(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuTicksOf(pid), 0) * TICK_MS;
}
