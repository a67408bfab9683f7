/** Milestones of a project (DOMAIN §2); each is a CST calendar date 'YYYY-MM-DD' once recorded. */
export const MILESTONES = [
  'depositPaid',
  'contractSigned',
  'started',
  'concealedWorksDone',
  'midPayment',
  'plannedCompletion',
  'completed',
  'finalPayment',
  'warrantyRegistered',
  'feedbackFormReceived',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  depositPaid: '订金已交',
  contractSigned: '合同签单',
  started: '开工',
  concealedWorksDone: '隐蔽工程验收',
  midPayment: '中期款',
  plannedCompletion: '合同竣工日',
  completed: '竣工',
  finalPayment: '交清尾款',
  warrantyRegistered: '办理保修',
  feedbackFormReceived: '意见反馈表已收',
};
