import { ORDER_121_EFFECTIVE_FROM, type LocalDate } from '#libs/clock';

export const COMPLAINT_OPERATOR_KINDS = ['platform', 'in_platform', 'own_site', 'other'] as const;
export type ComplaintOperatorKind = (typeof COMPLAINT_OPERATOR_KINDS)[number];

export interface JurisdictionInput {
  kind: ComplaintOperatorKind;
  /** Bureau of the operator's registered domicile (住所). */
  domicileBureau?: string;
  /** Bureau of the operator's actual place of business (实际经营场所). */
  businessBureau?: string;
  /** For an in-platform operator: the bureau of the platform operator's domicile. */
  platformDomicileBureau?: string;
  /** False when the seller has no real, reachable address (Order 121). Default true. */
  sellerReachable?: boolean;
  receivedDate: LocalDate;
}

export interface Jurisdiction {
  /** Bureaus competent to handle it, preferred first; empty = not enough data to tell. */
  bureaus: string[];
  basis: string;
}

function distinct(codes: (string | undefined)[]): string[] {
  return [...new Set(codes.filter((c): c is string => typeof c === 'string' && c !== ''))];
}

/**
 * Which bureaus may handle a complaint (domain.md §5, 暂行办法 第九、十条 / 第121号令): the
 * operator's place of business or domicile; a platform operator's domicile; an in-platform
 * operator's place of business or the platform's domicile — and under Order 121 the platform's
 * domicile bureau alone when the seller cannot be reached at a real address.
 */
export function complaintJurisdiction(input: JurisdictionInput): Jurisdiction {
  switch (input.kind) {
    case 'platform':
      return { bureaus: distinct([input.domicileBureau]), basis: '平台经营者：住所地市场监管部门' };
    case 'in_platform': {
      const order121 = input.receivedDate >= ORDER_121_EFFECTIVE_FROM;
      if (order121 && input.sellerReachable === false && input.platformDomicileBureau) {
        return { bureaus: [input.platformDomicileBureau], basis: '平台内经营者无真实有效联系地址：平台经营者住所地市场监管部门（第121号令）' };
      }
      return {
        bureaus: distinct([input.businessBureau, input.platformDomicileBureau]),
        basis: '平台内经营者：实际经营地或平台经营者住所地市场监管部门',
      };
    }
    case 'own_site':
    case 'other':
      return {
        bureaus: distinct([input.businessBureau, input.domicileBureau]),
        basis: '经营者实际经营地或住所地市场监管部门',
      };
  }
}

/** A bureau may keep the complaint when it is competent, or when the data cannot tell. */
export function hasJurisdiction(jurisdiction: Jurisdiction, bureau: string): boolean {
  return jurisdiction.bureaus.length === 0 || jurisdiction.bureaus.includes(bureau);
}
