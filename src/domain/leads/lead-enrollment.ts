// A lead is enrolled once: its enrollment stream (`lead_enrollment-<ext_id>`) is created, with
// the sequence's start, in one atomic append that expects the stream not to exist. Two
// enrollments of one lead racing (a run and an HTTP command, two instances) cannot both win.

export const LEAD_ENROLLMENT_STREAM_PREFIX = 'lead_enrollment-';
export const leadEnrollmentStreamId = (leadExtId: string): string => `${LEAD_ENROLLMENT_STREAM_PREFIX}${leadExtId}`;

export interface LeadEnrolled {
  type: 'LeadEnrolled';
  schemaVersion: number;
  data: { leadExtId: string; sequenceId: number; templateName: string; occurredAt: string };
}

export const leadEnrolled = (data: LeadEnrolled['data']): LeadEnrolled => ({ type: 'LeadEnrolled', schemaVersion: 1, data });
