/** A field problem as the gateway reports it (`details[]` of api.md's error body). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** Every failed call becomes one of these, with a zh-CN message fit to show as it is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'wangjian.session';
const FALLBACK_MESSAGES: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  401: '登录已过期，请重新登录',
  403: '当前角色无权执行此操作',
  404: '记录不存在或不在本局可见范围内',
  503: '服务暂不可用，请稍后再试',
};

type ExpiryListener = () => void;
let onExpired: ExpiryListener = () => undefined;

/** The session layer registers here so any 401 sends the user back to the login page. */
export function onSessionExpired(listener: ExpiryListener): void {
  onExpired = listener;
}

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: FieldProblem[] } | null;
  const message = body?.message ?? FALLBACK_MESSAGES[response.status] ?? `请求失败（${response.status}）`;
  return new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, message, body?.details ?? []);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', FALLBACK_MESSAGES[0]!);
  }
  if (response.ok) return response;
  const error = await toError(response);
  // A 401 on login itself means wrong credentials, not an expired session.
  if (response.status === 401 && token) onExpired();
  throw error;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Downloads a file answer (e.g. the Excel export) with the bearer token a plain link cannot carry. */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const response = await send('GET', withQuery(path, query));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后再试';
}
