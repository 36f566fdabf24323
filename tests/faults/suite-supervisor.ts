import { SuiteProcesses, type AppName } from '#libs/testing';

/**
 * The suite's processes under a supervisor, as a deployment runs them (systemd, k8s): a process
 * that dies on its own is started again after a moment and counted, so the test can tell a
 * planned SIGKILL from a crash the faults caused.
 */
export class SuiteSupervisor {
  readonly processes: SuiteProcesses;
  readonly crashes: string[] = [];
  kills = 0;
  private readonly planned = new Set<AppName>();
  private stopping = false;

  constructor(env: Record<string, string>) {
    this.processes = new SuiteProcesses(env);
  }

  start(app: AppName): void {
    const child = this.processes.start(app);
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

  /** The last log lines of the suite, for a failure message. */
  tail(lines = 40): string {
    return this.processes.logs.slice(-lines).join('');
  }
}
