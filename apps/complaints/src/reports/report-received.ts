/**
 * `report.received`, consumed by the leads service (lead with channel `report`). Shape agreed
 * with the leads engineer, whose contracts own it (REPORT_RECEIVED / ReportReceivedPayload).
 * The reporter's name and phone travel because leads must tell a real-name reporter the outcome.
 */
export const REPORT_RECEIVED_EVENT = 'report.received';

export interface ReportReceivedEventPayload {
  reportId: string;
  bureau: string;
  online: boolean;
  receivedAt: string;
  title: string;
  description?: string;
  subject: { uscc?: string; name?: string; platform?: string; storeUrl?: string };
  reporter: { name: string; phone: string; realName: boolean };
}
