import { BureauRow } from '../bureaus/bureau.entity.js';
import { UserRow } from '../users/user.entity.js';
import { GatewayInit1764280000000 } from './1764280000000-gateway-init.js';

export const GATEWAY_ENTITIES = [BureauRow, UserRow];
export const GATEWAY_MIGRATIONS = [GatewayInit1764280000000];
