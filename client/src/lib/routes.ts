/** `&created=1` tells a detail page it was opened right after filing, so it confirms that (see useCreatedToast). */
const created = (yes?: boolean) => (yes ? '&created=1' : '');

/** Every page of the app, in one place, so links and redirects cannot drift from app.config.ts. */
export const routes = {
  home: () => '/pages/index/index',
  newRepair: (projectId?: string) => `/pages/repair-new/index${projectId ? `?projectId=${encodeURIComponent(projectId)}` : ''}`,
  myRepairs: () => '/pages/repairs/index',
  repair: (id: string, justCreated?: boolean) => `/pages/repair/index?id=${encodeURIComponent(id)}${created(justCreated)}`,
  newComplaint: (projectId?: string) => `/pages/complaint-new/index${projectId ? `?projectId=${encodeURIComponent(projectId)}` : ''}`,
  myComplaints: () => '/pages/complaints/index',
  complaint: (id: string, justCreated?: boolean) => `/pages/complaint/index?id=${encodeURIComponent(id)}${created(justCreated)}`,
  notices: () => '/pages/notices/index',
  survey: (followUpId: string) => `/pages/survey/index?id=${encodeURIComponent(followUpId)}`,
  consent: (fromMessage?: boolean) => `/pages/consent/index${fromMessage ? '?via=message' : ''}`,
  privacyNotice: () => '/pages/privacy/index',
  myData: () => '/pages/my-data/index',
  devPersonas: (back?: string) => `/pages/dev/index${back ? `?back=${encodeURIComponent(back)}` : ''}`,
  staffQueue: () => '/staff/queue/index',
  staffTicket: (id: string) => `/staff/ticket/index?id=${encodeURIComponent(id)}`,
  staffOverdue: () => '/staff/overdue/index',
  staffComplaints: () => '/staff/complaints/index',
  staffAssigned: () => '/staff/assigned/index',
  staffComplaint: (id: string, justCreated?: boolean) => `/staff/complaint/index?id=${encodeURIComponent(id)}${created(justCreated)}`,
  staffComplaintPhone: () => '/staff/complaint-phone/index',
  staffProjects: () => '/staff/projects/index',
  staffProject: (id: string) => `/staff/project/index?id=${encodeURIComponent(id)}`,
  staffCalls: () => '/staff/calls/index',
  staffCall: (id: string) => `/staff/call/index?id=${encodeURIComponent(id)}`,
  staffCampaigns: () => '/staff/campaigns/index',
} as const;
