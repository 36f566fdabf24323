import { Button, Input, Space, message } from 'antd';
import { useState } from 'react';
import { errorMessage, post } from '../../api/client';
import type { CreditRepair } from '../../api/types';

/** A supervisor approves or rejects a pending repair (信用修复) with a reason. */
export function RepairDecision({ repair, done }: { repair: Pick<CreditRepair, 'id'>; done(): void }) {
  const [reason, setReason] = useState('');
  const decide = async (approved: boolean) => {
    try {
      await post(`/api/v1/credit-repairs/${repair.id}/decision`, { approved, reason });
      void message.success(approved ? '已批准信用修复' : '已驳回信用修复');
      done();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space.Compact>
      <Input placeholder="审批意见" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 160 }} />
      <Button type="primary" onClick={() => decide(true)}>
        批准
      </Button>
      <Button danger onClick={() => decide(false)}>
        驳回
      </Button>
    </Space.Compact>
  );
}
