/**
 * Masking of complainant personal data for every view except the handling bureau's complaint
 * handlers (and for every export). Pure, so every transport masks the same way.
 */
function stars(n: number): string {
  return '*'.repeat(Math.max(n, 0));
}

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 11) return `${p.slice(0, 3)}${stars(p.length - 7)}${p.slice(-4)}`;
  if (p.length <= 2) return stars(p.length);
  return `${stars(p.length - 2)}${p.slice(-2)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; the surname alone says little about the person. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${stars(chars.length - 1 || 1)}`;
}

/** 18-digit 居民身份证号 → 3209**********1234 (first 4 = region prefix, last 4 kept). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return stars(s.length);
  return `${s.slice(0, 4)}${stars(s.length - 8)}${s.slice(-4)}`;
}

/** Keeps the first six characters (province/city), hides the rest. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return stars(chars.length);
  return `${chars.slice(0, 6).join('')}${stars(Math.min(chars.length - 6, 8))}`;
}

export interface ConsumerPii {
  name: string;
  phone: string;
  idNumber?: string;
  address?: string;
}

export function maskConsumer(c: ConsumerPii): ConsumerPii {
  return {
    name: maskName(c.name),
    phone: maskPhone(c.phone),
    ...(c.idNumber !== undefined ? { idNumber: maskIdNumber(c.idNumber) } : {}),
    ...(c.address !== undefined ? { address: maskAddress(c.address) } : {}),
  };
}

export interface PiiViewer {
  role: string;
  bureau: string;
}

/** Only the handling bureau's complaint handlers see the data in clear (domain.md §5). */
export function mayReadConsumerPii(viewer: PiiViewer, handlingBureau: string): boolean {
  return viewer.role === 'complaint_handler' && viewer.bureau === handlingBureau;
}
