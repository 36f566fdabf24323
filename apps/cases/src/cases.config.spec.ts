import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '#libs/config';
import { CasesConfig } from './cases.config.js';

const S3 = {
  EVIDENCE_STORE: 's3',
  EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000',
  EVIDENCE_S3_BUCKET: 'wangjian-evidence',
  EVIDENCE_S3_REGION: 'cn-east-1',
  EVIDENCE_S3_ACCESS_KEY_ID: 'minio-user',
  EVIDENCE_S3_SECRET_ACCESS_KEY: 'minio-secret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(CasesConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe(CasesConfig.name, () => {
  it('keeps evidence on the local disk by default and asks nothing of S3', () => {
    const sut = loadConfig(CasesConfig, {});
    expect(sut).toMatchObject({ EVIDENCE_STORE: 'disk', EVIDENCE_DIR: 'data/evidence', EVIDENCE_S3_FORCE_PATH_STYLE: false });
  });

  it('takes the S3 settings, path style as a boolean', () => {
    const sut = loadConfig(CasesConfig, { ...S3, EVIDENCE_S3_FORCE_PATH_STYLE: 'true' });
    expect(sut).toMatchObject({ ...S3, EVIDENCE_S3_FORCE_PATH_STYLE: true });
  });

  it('names every S3 setting missing when EVIDENCE_STORE=s3, once each', () => {
    expect(problemsOf({ EVIDENCE_STORE: 's3', EVIDENCE_S3_BUCKET: 'wangjian-evidence' })).toEqual([
      'EVIDENCE_S3_ENDPOINT: is required when EVIDENCE_STORE=s3',
      'EVIDENCE_S3_REGION: is required when EVIDENCE_STORE=s3',
      'EVIDENCE_S3_ACCESS_KEY_ID: is required when EVIDENCE_STORE=s3',
      'EVIDENCE_S3_SECRET_ACCESS_KEY: is required when EVIDENCE_STORE=s3',
    ]);
  });

  it.each([
    { setting: 'EVIDENCE_STORE', value: 'nfs', problem: 'EVIDENCE_STORE: EVIDENCE_STORE must be one of the following values: disk, s3' },
    { setting: 'EVIDENCE_S3_ENDPOINT', value: 'minio:9000', problem: 'EVIDENCE_S3_ENDPOINT: must be an http(s)://host[:port] URL' },
    { setting: 'EVIDENCE_S3_BUCKET', value: 'Evidence_Bucket', problem: 'EVIDENCE_S3_BUCKET: must be an S3 bucket name (3–63 lower-case letters, digits, . and -)' },
    { setting: 'EVIDENCE_S3_FORCE_PATH_STYLE', value: 'yes', problem: 'EVIDENCE_S3_FORCE_PATH_STYLE: must be true or false' },
  ])('refuses $setting=$value', ({ setting, value, problem }) => {
    expect(problemsOf({ ...S3, [setting]: value })).toEqual([problem]);
  });
});
