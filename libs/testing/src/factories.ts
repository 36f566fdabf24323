import type { CreateComplaintDto, CreateLeadDto, RegisterOperatorDto } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';

/** Each call gets a new operator, so tests never collide on a USCC (or on a duplicate-lead flag). */
let sequence = 0;

/**
 * A valid 统一社会信用代码 (GB 32100-2015): 9 (工商) 1 (企业), the bureau's division code, a
 * 9-character organisation code and the check character.
 */
export function validUscc(bureau = '320902', n = ++sequence): string {
  const first17 = `91${bureau}MA${String(n % 1e7).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

const SHOPS = ['盐城鲜果汇电子商务有限公司', '亭湖区优选母婴用品店', '东台市海韵家电销售有限公司', '射阳县乐学教育培训有限公司'];
const shop = (n: number) => SHOPS[n % SHOPS.length]!;

/** `POST /api/v1/leads`: an online inspection lead received on a Monday (2026-11-02); a report gets a real-name reporter. */
function lead(overrides: Partial<CreateLeadDto> = {}): CreateLeadDto {
  const n = ++sequence;
  const channel = overrides.channel ?? 'inspection';
  return {
    channel,
    online: true,
    receivedAt: '2026-11-02T09:30:00+08:00',
    title: `网店涉嫌销售假冒注册商标的运动鞋（${n}）`,
    subject: { uscc: validUscc('320902', n), name: shop(n), platform: '淘宝', storeUrl: `https://shop.example.cn/${n}` },
    ...(channel === 'report' ? { reporter: { name: '王建国', phone: '13912345678', realName: true } } : {}),
    ...overrides,
  };
}

/** `POST /api/v1/complaints`: an online 12315 complaint received on 2026-02-10 against an in-platform shop. */
function complaint(overrides: Partial<CreateComplaintDto> = {}): CreateComplaintDto {
  const n = ++sequence;
  return {
    online: true,
    channel: '12315',
    receivedAt: '2026-02-10T10:00:00+08:00',
    consumer: { name: '李娜', phone: '13951234567', address: '江苏省盐城市盐都区世纪大道66号' },
    operator: { uscc: validUscc('320902', n), name: shop(n), platform: '拼多多', storeUrl: `https://shop.example.cn/${n}`, kind: 'in_platform', businessBureau: '320902' },
    description: '购买的商品与宣传不符，商家拒绝七日无理由退货，要求退款',
    amount: 199.5,
    ...overrides,
  };
}

/** `POST /api/v1/operators`: an in-platform operator registered in 亭湖区. */
function operator(overrides: Partial<RegisterOperatorDto> = {}): RegisterOperatorDto {
  const n = ++sequence;
  const bureau = overrides.domicileBureau ?? '320902';
  return {
    uscc: validUscc(bureau, n),
    name: `${shop(n).replace(/有限公司$|店$/, '')}（${n}）有限公司`,
    kind: 'in_platform',
    domicileBureau: bureau,
    businessBureau: bureau,
    platform: '淘宝',
    storeIds: [`store-${100000 + n}`],
    sector: 'general',
    ...overrides,
  };
}

/** Valid HTTP bodies for tests: `factory.lead({ channel: 'report' })`, `factory.complaint()`, `factory.operator()`. */
export const factory = { lead, complaint, operator, uscc: validUscc };
