import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onSessionExpired, post, storedToken, storeToken } from '../api/client';
import type { Role, SessionUser } from '../api/types';

const USER_KEY = 'wangjian.user';

interface SessionState {
  user: SessionUser | null;
  /** Why the user was sent back to the login page, if not by choice. */
  notice: string | null;
  login(username: string, password: string): Promise<void>;
  logout(notice?: string): void;
  is(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** The token's own `exp`, so an expired session is noticed before the first request fails. */
function tokenExpired(token: string): boolean {
  try {
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now();
  } catch {
    return true;
  }
}

function restore(): SessionUser | null {
  const token = storedToken();
  const raw = localStorage.getItem(USER_KEY);
  if (!token || !raw || tokenExpired(token)) return null;
  return JSON.parse(raw) as SessionUser;
}

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(restore);
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback((why?: string) => {
    storeToken(null);
    localStorage.removeItem(USER_KEY);
    setUser(null);
    setNotice(why ?? null);
  }, []);

  useEffect(() => onSessionExpired(() => logout('登录已过期，请重新登录')), [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await post<{ accessToken: string; user: SessionUser }>('/api/v1/auth/login', { username, password });
    storeToken(answer.accessToken);
    localStorage.setItem(USER_KEY, JSON.stringify(answer.user));
    setNotice(null);
    setUser(answer.user);
  }, []);

  const value = useMemo<SessionState>(
    () => ({ user, notice, login, logout, is: (...roles) => !!user && roles.includes(user.role) }),
    [user, notice, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
