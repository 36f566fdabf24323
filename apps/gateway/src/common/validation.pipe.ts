import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ERROR_CODES } from '#libs/contracts';

/** zh-CN wording of class-validator constraints; the English constraint name stays the stable code. */
const ZH: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isString: '必须是字符串',
  isBoolean: '必须是布尔值',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isPositive: '必须大于 0',
  min: '数值过小',
  max: '数值过大',
  minLength: '长度过短',
  maxLength: '长度过长',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isDateString: '必须是 ISO-8601 时间',
  isISO8601: '必须是 ISO-8601 时间',
  matches: '格式不正确',
  isUrl: '必须是网址',
  isUUID: '必须是 UUID',
  isArray: '必须是数组',
  arrayMinSize: '数组元素过少',
  arrayMaxSize: '数组元素过多',
  isObject: '必须是对象',
  nestedValidation: '嵌套字段无效',
  isLocalDate: '必须是 YYYY-MM-DD 日期',
  notInFuture: '不能晚于当前时间',
  isUscc: '统一社会信用代码校验位错误',
};

function flatten(errors: ValidationError[], prefix = ''): { field: string; code: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, english]) => ({
      field,
      code,
      message: ZH[code] ? `${field}：${ZH[code]}（${english}）` : english,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Deeper than any DTO nests; deeper input would exhaust class-transformer's recursion (a 500). */
const MAX_DEPTH = 16;

/** What no DTO constraint can report: nesting beyond any DTO, and NUL characters PostgreSQL cannot store. */
function structuralProblem(value: unknown): { field: string; code: string; message: string } | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, field, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field, code: 'NUL_CHARACTER', message: `${field}：不能包含 NUL 字符` };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field, code: 'TOO_DEEP', message: `${field}：嵌套层级过深` };
    for (const [k, child] of Object.entries(v)) stack.push([child, field ? `${field}.${k}` : k, depth + 1]);
  }
  return undefined;
}

class GatewayValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = structuralProblem(value);
    if (problem) throw new BadRequestException({ code: ERROR_CODES.validation, message: `请求参数无效：${problem.field}`, details: [problem] });
    // A request without a body is an empty object: required fields are then reported by name.
    return super.transform(metadata.type === 'body' && value === undefined ? {} : value, metadata);
  }
}

/** Global validation: unknown fields are refused, every problem is listed with its field. */
export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const uscc = details.find((d) => d.code === 'isUscc');
      return new BadRequestException({
        code: uscc ? ERROR_CODES.invalidUscc : ERROR_CODES.validation,
        message: `请求参数无效：${details.map((d) => d.field).join('、')}`,
        details,
      });
    },
  });
}
