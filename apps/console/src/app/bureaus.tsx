import { createContext, useContext } from 'react';
import { get } from '../api/client';
import type { Bureau } from '../api/types';
import { useApi } from './use-api';

interface Bureaus {
  all: Bureau[];
  name(code: string | undefined | null): string;
  childrenOf(code: string): Bureau[];
  /** The user's bureau and every bureau below it (domain.md §1 visibility). */
  subtree(code: string): Bureau[];
}

const BureausContext = createContext<Bureaus>({ all: [], name: (c) => c ?? '—', childrenOf: () => [], subtree: () => [] });

export function BureausProvider({ children }: { children: React.ReactNode }) {
  const { data } = useApi(() => get<{ items: Bureau[] }>('/api/v1/bureaus'), []);
  const all = data?.items ?? [];
  const byCode = new Map(all.map((b) => [b.code, b]));
  const childrenOf = (code: string) => all.filter((b) => b.parent === code);
  const subtree = (code: string): Bureau[] => {
    const root = byCode.get(code);
    return root ? [root, ...childrenOf(code).flatMap((c) => subtree(c.code))] : [];
  };
  const value: Bureaus = {
    all,
    name: (code) => (code ? (byCode.get(code)?.name ?? code) : '—'),
    childrenOf,
    subtree,
  };
  return <BureausContext.Provider value={value}>{children}</BureausContext.Provider>;
}

export function useBureaus(): Bureaus {
  return useContext(BureausContext);
}
