import { daysBetween, localDateOf, type Instant } from '#libs/clock';
import { normaliseUscc } from '../operators/uscc.js';

export interface SubjectInput {
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
}

/** Two leads within this many days of each other on the same subject and fingerprint are likely duplicates. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** Full-width → half-width (NFKC), lower case, no whitespace or punctuation: "【假冒】 Nike鞋！" = "假冒nike鞋". */
export function normaliseText(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Same store page however it was copied: no scheme, no `www.`/`m.`, no query or fragment, no trailing slash. */
export function normaliseUrl(value: string | undefined): string {
  const raw = (value ?? '').trim().normalize('NFKC').toLowerCase();
  if (raw === '') return '';
  const withoutScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const [hostAndPath = ''] = withoutScheme.split(/[?#]/);
  return hostAndPath.replace(/^(www|m)\./, '').replace(/\/+$/, '');
}

/** The operator: by USCC when known, else name + platform (store URL is part of the fingerprint). */
export function subjectKey(subject: SubjectInput): string {
  if (subject.uscc && subject.uscc.trim() !== '') return `uscc:${normaliseUscc(subject.uscc)}`;
  return `name:${normaliseText(subject.name)}|${normaliseText(subject.platform)}`;
}

/** What the lead is about: the store URL plus the product/behaviour described in the title. */
export function leadFingerprint(subject: SubjectInput, title: string): string {
  return `${normaliseUrl(subject.storeUrl)}|${normaliseText(title)}`;
}

export function withinDuplicateWindow(a: Instant, b: Instant): boolean {
  return Math.abs(daysBetween(localDateOf(a), localDateOf(b))) <= DUPLICATE_WINDOW_DAYS;
}
