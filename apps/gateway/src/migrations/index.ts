import { BureauRow } from '../bureaus/bureau.entity.js';
import { UserRow } from '../users/user.entity.js';
import { GatewayInit1764280000000 } from './1764280000000-gateway-init.js';
import { AuditLog1764290000000 } from './1764290000000-audit-log.js';

export const GATEWAY_ENTITIES = [BureauRow, UserRow];
export const GATEWAY_MIGRATIONS = [GatewayInit1764280000000, AuditLog1764290000000];
