import type { BureauSeed } from './bureau-tree.data.js';

/** The bureau hierarchy; a user sees its own bureau and every bureau below it. */
export class BureauTree {
  private readonly byCode = new Map<string, BureauSeed>();
  private readonly children = new Map<string, string[]>();

  constructor(bureaus: readonly BureauSeed[]) {
    for (const b of bureaus) {
      this.byCode.set(b.code, b);
      if (b.parent) this.children.set(b.parent, [...(this.children.get(b.parent) ?? []), b.code]);
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): BureauSeed | undefined {
    return this.byCode.get(code);
  }

  all(): BureauSeed[] {
    return [...this.byCode.values()];
  }

  /** The bureau itself and all its descendants. */
  subtree(code: string): string[] {
    if (!this.byCode.has(code)) return [];
    const out: string[] = [];
    const stack = [code];
    while (stack.length > 0) {
      const current = stack.pop()!;
      out.push(current);
      stack.push(...(this.children.get(current) ?? []));
    }
    return out;
  }

  /** Chain from the bureau up to the root, itself first. */
  ancestors(code: string): string[] {
    const out: string[] = [];
    for (let c: string | null | undefined = code; c; c = this.byCode.get(c)?.parent) out.push(c);
    return out;
  }

  /** Nearest bureau above both (designates jurisdiction in a dispute, 指定管辖). */
  commonSuperior(a: string, b: string): string | undefined {
    const above = new Set(this.ancestors(a));
    return this.ancestors(b).find((c) => above.has(c));
  }

  directChildren(code: string): string[] {
    return this.children.get(code) ?? [];
  }
}
