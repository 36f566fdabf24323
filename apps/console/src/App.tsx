import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { BureausProvider } from './app/bureaus';
import { matchPath, useLocation } from './app/router';
import { useSession } from './app/session';
import { AppLayout, homeOf } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import type { Role } from './api/types';

// Each page is its own chunk, so the login page loads without the dashboard's ECharts.
const pages = {
  queue: lazy(() => import('./pages/officer/WorkQueuePage')),
  newLead: lazy(() => import('./pages/officer/NewLeadPage')),
  lead: lazy(() => import('./pages/officer/LeadPage')),
  case: lazy(() => import('./pages/officer/CasePage')),
  import: lazy(() => import('./pages/officer/ImportPage')),
  complaints: lazy(() => import('./pages/complaints/ComplaintQueuePage')),
  newComplaint: lazy(() => import('./pages/complaints/NewComplaintPage')),
  complaint: lazy(() => import('./pages/complaints/ComplaintPage')),
  dashboard: lazy(() => import('./pages/supervisor/DashboardPage')),
  drill: lazy(() => import('./pages/supervisor/DrillDownPage')),
  approvals: lazy(() => import('./pages/supervisor/ApprovalsPage')),
  scorecard: lazy(() => import('./pages/supervisor/ScorecardPage')),
  operator: lazy(() => import('./pages/credit/OperatorPage')),
  draw: lazy(() => import('./pages/credit/DrawPage')),
  users: lazy(() => import('./pages/admin/UsersPage')),
  calendar: lazy(() => import('./pages/admin/CalendarPage')),
  thresholds: lazy(() => import('./pages/admin/ThresholdsPage')),
  ruleSets: lazy(() => import('./pages/admin/RuleSetsPage')),
};

type PageKey = keyof typeof pages;
const ALL: Role[] = ['officer', 'complaint_handler', 'supervisor', 'admin'];

/** Route table: path pattern, page, roles that may open it (the services enforce the same). */
const ROUTES: [string, PageKey, Role[]][] = [
  ['/queue', 'queue', ['officer', 'supervisor']],
  ['/leads/new', 'newLead', ['officer', 'supervisor']],
  ['/leads/import', 'import', ['officer', 'supervisor']],
  ['/leads/:id', 'lead', ['officer', 'supervisor']],
  ['/cases/:id', 'case', ['officer', 'supervisor']],
  ['/complaints', 'complaints', ['complaint_handler', 'supervisor']],
  ['/complaints/new', 'newComplaint', ['complaint_handler', 'supervisor']],
  ['/complaints/:id', 'complaint', ['complaint_handler', 'supervisor']],
  ['/dashboard', 'dashboard', ['supervisor', 'admin']],
  ['/indicators/:code', 'drill', ['supervisor', 'admin']],
  ['/approvals', 'approvals', ['supervisor']],
  ['/scorecard', 'scorecard', ['supervisor', 'admin']],
  ['/operators', 'operator', ALL],
  ['/draws', 'draw', ['supervisor', 'admin']],
  ['/admin/users', 'users', ['admin', 'supervisor']],
  ['/admin/calendar', 'calendar', ['admin']],
  ['/admin/thresholds', 'thresholds', ['admin']],
  ['/admin/rule-sets', 'ruleSets', ['admin']],
];

function Page() {
  const { path } = useLocation();
  const { user } = useSession();
  const target = path === '/' ? homeOf(user!.role) : path;
  for (const [pattern, key, roles] of ROUTES) {
    const params = matchPath(pattern, target);
    if (!params) continue;
    if (!roles.includes(user!.role)) return <Result status="403" title="无权访问" subTitle="当前角色不能打开此页面" />;
    const Component = pages[key] as React.ComponentType<{ params: Record<string, string> }>;
    return <Component params={params} />;
  }
  return <Result status="404" title="页面不存在" subTitle={path} />;
}

export function App() {
  const { user } = useSession();
  if (!user) return <LoginPage />;
  return (
    <BureausProvider>
      <AppLayout>
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
          <Page />
        </Suspense>
      </AppLayout>
    </BureausProvider>
  );
}
