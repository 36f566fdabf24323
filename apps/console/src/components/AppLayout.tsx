import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { Role } from '../api/types';
import { useBureaus } from '../app/bureaus';
import { ROLE_LABELS } from '../app/labels';
import { navigate, useLocation } from '../app/router';
import { useSession } from '../app/session';

interface MenuEntry {
  key: string;
  label: string;
  icon: React.ReactNode;
  roles: Role[];
}

const MENU: MenuEntry[] = [
  { key: '/queue', label: '待办线索与案件', icon: <OrderedListOutlined />, roles: ['officer', 'supervisor'] },
  { key: '/leads/new', label: '线索登记', icon: <FileSearchOutlined />, roles: ['officer', 'supervisor'] },
  { key: '/leads/import', label: '监测信息批量导入', icon: <CloudUploadOutlined />, roles: ['officer', 'supervisor'] },
  { key: '/complaints', label: '投诉工作台', icon: <AlertOutlined />, roles: ['complaint_handler', 'supervisor'] },
  { key: '/dashboard', label: '市级驾驶舱', icon: <BarChartOutlined />, roles: ['supervisor', 'admin'] },
  { key: '/approvals', label: '待审批事项', icon: <CheckSquareOutlined />, roles: ['supervisor'] },
  { key: '/scorecard', label: '考核评分表', icon: <TrophyOutlined />, roles: ['supervisor', 'admin'] },
  { key: '/operators', label: '经营者信用', icon: <SafetyCertificateOutlined />, roles: ['officer', 'complaint_handler', 'supervisor', 'admin'] },
  { key: '/draws', label: '双随机抽查', icon: <TeamOutlined />, roles: ['supervisor', 'admin'] },
  { key: '/admin/users', label: '用户管理', icon: <UsergroupAddOutlined />, roles: ['admin', 'supervisor'] },
  { key: '/admin/calendar', label: '工作日历', icon: <CalendarOutlined />, roles: ['admin'] },
  { key: '/admin/thresholds', label: '指标阈值', icon: <SettingOutlined />, roles: ['admin'] },
  { key: '/admin/rule-sets', label: '期限规则确认', icon: <AuditOutlined />, roles: ['admin'] },
];

export function homeOf(role: Role): string {
  if (role === 'complaint_handler') return '/complaints';
  if (role === 'supervisor' || role === 'admin') return '/dashboard';
  return '/queue';
}

export function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, logout } = useSession();
  const { name } = useBureaus();
  const { path } = useLocation();
  const screens = Grid.useBreakpoint();
  const entries = MENU.filter((m) => m.roles.includes(user!.role));
  const current = path === '/' ? homeOf(user!.role) : (entries.map((e) => e.key).filter((k) => path.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={screens.md ? 64 : 0} width={208} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>网监</div>
        <Menu theme="dark" mode="inline" selectedKeys={[current]} items={entries.map(({ key, label, icon }) => ({ key, label, icon }))} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', lineHeight: 'normal', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
          <Typography.Text strong ellipsis>
            网络市场监管案件办理系统
          </Typography.Text>
          <Space size="middle">
            <Typography.Text type="secondary" ellipsis data-testid="current-user">
              {name(user!.bureau)} · {ROLE_LABELS[user!.role]} · {user!.displayName ?? user!.username}
            </Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => logout()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
