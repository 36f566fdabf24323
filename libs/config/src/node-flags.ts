/**
 * V8 flags for every Wangjian process, passed by each launcher (`npm start`, `npm run start:one`,
 * the Docker image's NODE_OPTIONS, the test and bench process harness). While modules load at
 * boot, V8 grows the young generation to its 16 MB-per-semi-space maximum and keeps it: about
 * 12 MB of each idle process's resident memory above an 8 MB cap (bench P5). Measured beside the
 * default on the one-process suite under P1: CPU per intake the same within noise, GC +0.3 ms per
 * intake; a 4 MB cap saved 8 MB more but doubled GC time.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
