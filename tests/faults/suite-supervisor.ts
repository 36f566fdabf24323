import { SuiteProcesses, type AppName } from '#libs/testing';

/**
 * The suite's processes under a supervisor, as a deployment runs them (systemd, k8s): a process
 * that dies on its own is started again after a moment and counted, so the test can tell a
 * planned SIGKILL from a crash the faults caused.
 */
export class SuiteSupervisor {
  readonly processes: SuiteProcesses;
  readonly crashes: string[] = [];
  /** Error-level log lines of every process, kept whole (the shared log buffer rolls over). */
  private readonly errors: string[] = [];
  kills = 0;
  private readonly planned = new Set<AppName>();
  private stopping = false;

  constructor(env: Record<string, string>) {
    this.processes = new SuiteProcesses(env);
  }

  start(app: AppName): void {
    const child = this.processes.start(app);
    const keepErrors = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (/"level":"error"|command failed/.test(line)) this.errors.push(`[${app}] ${line.slice(0, 1500)}`);
    };
    child.stdout!.on('data', keepErrors);
    child.stderr!.on('data', keepErrors);
    child.once('exit', (code, signal) => {
      if (this.stopping || this.planned.delete(app)) return;
      const said = this.processes.logs.filter((line) => line.startsWith(`[${app}]`)).slice(-3).join('').slice(-600);
      this.crashes.push(`${app} exited on its own (code ${code}, signal ${signal}): ${said}`);
      setTimeout(() => !this.stopping && this.start(app), 1000);
    });
  }

  /** SIGKILL, as a crashed host or an OOM kill would. */
  async kill(app: AppName): Promise<void> {
    const child = this.processes.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.planned.add(app);
    await this.processes.kill(app, 'SIGKILL');
    this.kills++;
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await this.processes.stopAll();
  }

  /** The last error-level log lines of the suite (a 500's cause), for a failure message. */
  errorLines(lines: number): string {
    return this.errors.slice(-lines).join('\n');
  }

  /** The last log lines of the suite, for a failure message. */
  tail(lines = 40): string {
    return this.processes.logs.slice(-lines).join('');
  }
}
