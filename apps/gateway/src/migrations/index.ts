import { InboxAttempts1766500000000 } from '#libs/messaging';
import { ApiKeyRow } from '../api-keys/api-key.entity.js';
import { BureauRow } from '../bureaus/bureau.entity.js';
import { UserRow } from '../users/user.entity.js';
import { GatewayInit1764280000000 } from './1764280000000-gateway-init.js';
import { AuditLog1764290000000 } from './1764290000000-audit-log.js';
import { ApiKeys1765300000000 } from './1765300000000-api-keys.js';

export const GATEWAY_ENTITIES = [BureauRow, UserRow, ApiKeyRow];
export const GATEWAY_MIGRATIONS = [GatewayInit1764280000000, AuditLog1764290000000, ApiKeys1765300000000, InboxAttempts1766500000000];
