/** `--key value` pairs after the command name. */
export function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    flags[key!] = value;
  }
  return flags;
}
