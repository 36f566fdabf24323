import { describe, expect, it } from '@jest/globals';
import { maskAddress, maskConsumer, maskIdNumber, maskName, maskPhone, mayReadConsumerPii } from './pii-mask.js';

describe(maskPhone.name, () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['051588881234', '051*****1234'],
    ['88881234', '******34'],
    ['1', '*'],
  ])('%s → %s', (input, expected) => expect(maskPhone(input)).toBe(expected));
});

describe(maskName.name, () => {
  it.each([
    ['张三', '张*'],
    ['张', '张*'],
    ['欧阳娜娜', '欧***'],
    ['', ''],
  ])('%s → %s', (input, expected) => expect(maskName(input)).toBe(expected));
});

describe(maskIdNumber.name, () => {
  it.each([
    ['320902199001011234', '3209**********1234'],
    ['32090219900101123X', '3209**********123X'],
    ['1234567', '*******'],
  ])('%s → %s', (input, expected) => expect(maskIdNumber(input)).toBe(expected));
});

describe(maskAddress.name, () => {
  it.each([
    ['江苏省盐城市亭湖区解放南路1号', '江苏省盐城市********'],
    ['盐城市亭湖区', '******'],
  ])('%s → %s', (input, expected) => expect(maskAddress(input)).toBe(expected));
});

describe(maskConsumer.name, () => {
  it('masks every field present and adds none', () => {
    expect(maskConsumer({ name: '李四', phone: '13900001111' })).toEqual({ name: '李*', phone: '139****1111' });
  });
});

describe(mayReadConsumerPii.name, () => {
  it.each([
    { role: 'complaint_handler', bureau: '320902', handling: '320902', expected: true },
    { role: 'complaint_handler', bureau: '320900', handling: '320902', expected: false },
    { role: 'supervisor', bureau: '320902', handling: '320902', expected: false },
    { role: 'officer', bureau: '320902', handling: '320902', expected: false },
    { role: 'admin', bureau: '320902', handling: '320902', expected: false },
  ])('$role of $bureau on a $handling record → $expected', ({ role, bureau, handling, expected }) => {
    expect(mayReadConsumerPii({ role, bureau }, handling)).toBe(expected);
  });
});
