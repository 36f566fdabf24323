/**
 * The bureau tree shipped with Wangjian (domain.md §1), keyed by 行政区划代码. It seeds the
 * gateway's `bureaus` table; admins add bureaus there, not here. The two development zones
 * have no statutory division code and use the codes Yancheng's statistics use.
 */
export interface BureauSeed {
  code: string;
  name: string;
  parent: string | null;
}

export const BUREAU_SEED: readonly BureauSeed[] = [
  { code: '320000', name: '江苏省市场监督管理局', parent: null },
  { code: '320900', name: '盐城市市场监督管理局', parent: '320000' },
  { code: '320902', name: '亭湖区市场监督管理局', parent: '320900' },
  { code: '320903', name: '盐都区市场监督管理局', parent: '320900' },
  { code: '320904', name: '大丰区市场监督管理局', parent: '320900' },
  { code: '320921', name: '响水县市场监督管理局', parent: '320900' },
  { code: '320922', name: '滨海县市场监督管理局', parent: '320900' },
  { code: '320923', name: '阜宁县市场监督管理局', parent: '320900' },
  { code: '320924', name: '射阳县市场监督管理局', parent: '320900' },
  { code: '320925', name: '建湖县市场监督管理局', parent: '320900' },
  { code: '320981', name: '东台市市场监督管理局', parent: '320900' },
  { code: '320971', name: '盐城经济技术开发区市场监督管理局', parent: '320900' },
  { code: '320972', name: '盐南高新区市场监督管理局', parent: '320900' },
];
