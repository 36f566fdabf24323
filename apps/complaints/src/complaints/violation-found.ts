import type { ComplaintEventPayload } from '#libs/contracts';

/**
 * `complaint.violation_found`: the leads service turns it into a lead with channel `complaint`.
 * Shape agreed with the leads engineer (ComplaintViolationFoundPayload), plus the snapshot every
 * complaint event carries.
 */
export interface ViolationFoundPayload extends ComplaintEventPayload {
  complaintId: string;
  bureau: string;
  online: boolean;
  foundAt: string;
  title: string;
  description?: string;
  subject: { uscc?: string; name?: string; platform?: string; storeUrl?: string };
}
