import { SetMetadata } from '@nestjs/common';
import type { Role } from '#libs/contracts';

export const IS_PUBLIC = 'wj:isPublic';
export const ROLES = 'wj:roles';

/** Route reachable without a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Route limited to these roles (403 for any other). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
