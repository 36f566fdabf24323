/** What is known of the operator for the online-jurisdiction rule (网络交易违法行为管辖). */
export interface CaseJurisdictionInput {
  operatorKind: 'platform' | 'in_platform' | 'own_site' | 'other';
  /** Bureau of the registered domicile (住所地). */
  domicileBureau: string;
  /** Bureau of the actual place of business (实际经营地). */
  businessBureau?: string;
  /** For an in-platform operator: bureau of the platform operator's domicile. */
  platformDomicileBureau?: string;
  /** Bureau that found the lead first (首先发现). */
  foundBy?: string;
}

export interface CaseJurisdiction {
  /** Competent bureaus, preferred first. */
  bureaus: string[];
  basis: string;
}

/**
 * 网络交易监督管理办法 第三十五条: platform and self-built-site operators → their domicile bureau;
 * an in-platform operator → its actual place of business, and the platform's domicile bureau
 * may also act when it found the violation first.
 */
export function caseJurisdiction(input: CaseJurisdictionInput): CaseJurisdiction {
  switch (input.operatorKind) {
    case 'platform':
      return { bureaus: [input.domicileBureau], basis: '平台经营者：住所地市场监管部门管辖' };
    case 'own_site':
      return { bureaus: [input.domicileBureau], basis: '自建网站经营者：住所地市场监管部门管辖' };
    case 'in_platform': {
      const place = input.businessBureau ?? input.domicileBureau;
      const platformFirst = input.platformDomicileBureau !== undefined && input.foundBy === input.platformDomicileBureau;
      return {
        bureaus: platformFirst && input.platformDomicileBureau !== place ? [place, input.platformDomicileBureau!] : [place],
        basis: platformFirst
          ? '平台内经营者：实际经营地市场监管部门管辖；平台住所地市场监管部门首先发现的，也可以管辖'
          : '平台内经营者：实际经营地市场监管部门管辖',
      };
    }
    case 'other':
      return {
        bureaus: [...new Set([input.businessBureau ?? input.domicileBureau, input.domicileBureau])],
        basis: '违法行为发生地或经营者住所地市场监管部门管辖',
      };
  }
}
