import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../envelope.js';

const HUMAN_AND_INTEGRATION_ROLES = ROLES.filter((r) => r !== 'system');

export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class CreateUserDto {
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username must be 3–64 letters, digits, _ . -' })
  username: string;

  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @IsIn(HUMAN_AND_INTEGRATION_ROLES)
  role: Role;

  @Matches(/^\d{6}$/, { message: 'bureau must be a 6-digit division code' })
  bureau: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  displayName?: string;
}

/** `POST /api/v1/users/:username/api-keys`: what the key is for, so an admin can tell keys apart. */
export class CreateApiKeyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;
}
