import { usccCheckCharacter } from '#libs/domain';

/** Small deterministic PRNG, so a seed value always produces the same demo year. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An operator as the credit service's seed answers it (same USCCs, so its credit page shows the complaints). */
export interface DemoSubject {
  uscc: string;
  name: string;
  kind?: string;
  bureau: string;
  platform?: string | null;
}

export interface DemoOperator {
  name: string;
  uscc: string;
  online: boolean;
  platform?: string | undefined;
  bureau?: string;
}

/** Operators that trade online (platform, in-platform, own site) get online complaints. */
export function demoOperatorFrom(subject: DemoSubject): DemoOperator {
  return { name: subject.name, uscc: subject.uscc, online: subject.kind !== 'other', platform: subject.platform ?? undefined, bureau: subject.bureau };
}

const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { name: '盐城鲜果汇电子商务有限公司', uscc: uscc('91320902MA1X00001'), online: true, platform: '淘宝' },
  { name: '亭湖区优选母婴用品店', uscc: uscc('92320902MA1X00002'), online: true, platform: '拼多多' },
  { name: '东台市海韵家电销售有限公司', uscc: uscc('91320981MA1X00003'), online: true, platform: '京东' },
  { name: '大丰区麋鹿文旅服务有限公司', uscc: uscc('91320904MA1X00004'), online: true, platform: '美团' },
  { name: '盐都区惠民超市', uscc: uscc('92320903MA1X00005'), online: false, platform: undefined },
  { name: '建湖县金源汽车维修有限公司', uscc: uscc('91320925MA1X00006'), online: false, platform: undefined },
  { name: '射阳县乐学教育培训有限公司', uscc: uscc('91320924MA1X00007'), online: true, platform: '抖音' },
  { name: '滨海县佳美装饰工程有限公司', uscc: uscc('91320922MA1X00008'), online: false, platform: undefined },
];

export const DEMO_CONSUMERS = [
  { name: '王芳', phone: '13812345678', idNumber: '320902199001011234', address: '江苏省盐城市亭湖区解放南路18号' },
  { name: '李娜', phone: '13951234567', address: '江苏省盐城市盐都区世纪大道66号' },
  { name: '张伟', phone: '15062345678', idNumber: '32098119851203451X' },
  { name: '刘洋', phone: '18761234567', address: '江苏省盐城市大丰区幸福路9号' },
  { name: '陈静', phone: '13705151234' },
  { name: '欧阳明', phone: '15996231234', idNumber: '320925197712120021' },
] as const;

export const DEMO_PROBLEMS = ['销售的商品与宣传不符', '拒不履行七日无理由退货', '预付卡余额拒不退还', '商品存在质量问题', '虚假促销价格', '服务未按约定提供'] as const;

export const DEMO_ODR_ENTERPRISES = ['江苏悦达起亚汽车有限公司盐城分公司', '盐城苏宁易购商贸有限公司', '盐城吾悦广场商业管理有限公司'] as const;
