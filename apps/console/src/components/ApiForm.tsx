import { Alert, Button, Form, Space, message, type FormInstance } from 'antd';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';

/** Puts each `details[].field` problem (e.g. `subject.uscc`) under its form field. */
export function applyFieldErrors(form: FormInstance, error: ApiError): string[] {
  const unplaced: string[] = [];
  const registered = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.')),
  );
  const fields = error.details
    .filter((d) => {
      if (registered.has(d.field)) return true;
      unplaced.push(d.message);
      return false;
    })
    .map((d) => ({ name: d.field.split('.'), errors: [d.message] }));
  form.setFields(fields);
  return unplaced;
}

interface ApiFormProps<T> {
  submit(values: Record<string, unknown>): Promise<T>;
  onDone?(result: T): void;
  submitText?: string;
  successText?: string;
  initialValues?: Record<string, unknown>;
  layout?: 'vertical' | 'horizontal' | 'inline';
  children: React.ReactNode;
  form?: FormInstance;
}

/**
 * A form posting to the API. Field problems land under their fields; the overall message
 * (409 with the current state, 403, 503…) sits above the button.
 */
export function ApiForm<T>({ submit, onDone, submitText = '提交', successText = '已保存', initialValues, layout = 'vertical', children, form: given }: ApiFormProps<T>) {
  const [own] = Form.useForm();
  const form = given ?? own;
  // Prefixes the field ids: a page with several forms (one per table row or tab) would otherwise
  // repeat ids like "reason", and each label would point at the first form's field.
  const name = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; more: string[] } | null>(null);
  const onFinish = async (values: Record<string, unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await submit(values);
      void message.success(successText);
      onDone?.(result);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '操作失败，请稍后再试');
      const more = applyFieldErrors(form, error);
      setProblem({ message: error.message, more });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} name={name} layout={layout} initialValues={initialValues} onFinish={onFinish} onValuesChange={() => setProblem(null)}>
      {children}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={problem.message}
          description={problem.more.length > 0 ? problem.more.join('；') : undefined}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitText}
        </Button>
      </Space>
    </Form>
  );
}
