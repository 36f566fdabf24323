import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv.js';

describe(parseCsv.name, () => {
  it.each([
    ['plain rows, LF', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['CRLF and a last row without newline', 'a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a lone CR ends a row', 'a\rb', [['a'], ['b']]],
    ['UTF-8 BOM dropped', '\uFEFFplatformItemId,title\n', [['platformItemId', 'title']]],
    ['empty fields, trailing comma', ',x,\n', [['', 'x', '']]],
    ['trailing comma at end of input', 'a,', [['a', '']]],
    ['blank line is one empty field', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['quoted comma and newline', '"a,b","c\nd"\n', [['a,b', 'c\nd']]],
    ['doubled quote inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['quote inside an unquoted field is text', 'ab"c,d', [['ab"c', 'd']]],
    ['text after the closing quote is kept', '"a"b,c', [['ab', 'c']]],
    ['unclosed quote runs to the end', '"abc', [['abc']]],
    ['Chinese text', 'P-1,网店销售假冒商品\n', [['P-1', '网店销售假冒商品']]],
    ['nothing', '', []],
  ])('%s', (_, text, expected) => {
    const sut = parseCsv;
    expect(sut(text)).toEqual(expected);
  });
});
