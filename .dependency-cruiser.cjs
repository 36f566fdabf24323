/** Layer rules (style.md habit 10): checked in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'An app never imports another app; share through libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/all-in-one/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'all-in-one-takes-entry-points-only',
      comment:
        'The one-process host (apps/all-in-one) boots the other apps from what their main.ts uses and nothing deeper: ' +
        '<svc>.module.ts, <svc>.config.ts and the gateway factory.',
      severity: 'error',
      from: { path: '^apps/all-in-one/' },
      to: { path: '^apps/(?!all-in-one/)', pathNot: '^apps/([a-z-]+)/src/(\\1\\.(module|config)|create-gateway-app)\\.ts$' },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain rules import no framework, ORM or I/O library.',
      severity: 'error',
      from: { path: '^libs/(domain|clock)/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg|@nats-io|class-validator|class-transformer|fastify)' },
    },
    {
      name: 'domain-no-infra-libs',
      severity: 'error',
      from: { path: '^libs/(domain|clock)/src/' },
      to: { path: '^libs/(messaging|database|service-kit|testing)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'require', 'node', 'default'], mainFields: ['types', 'module', 'main'] },
    exclude: { path: '(^dist/|^apps/console/)' },
  },
};
