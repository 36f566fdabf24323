import type { Actor, Role, ScopedActor } from '#libs/contracts';

export function canSeeBureau(actor: ScopedActor, bureau: string): boolean {
  return actor.visibleBureaus.includes(bureau);
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.includes(actor.role);
}

/** Claims carried in the gateway's JWT. */
export interface TokenClaims {
  sub: string;
  role: Role;
  bureau: string;
}
