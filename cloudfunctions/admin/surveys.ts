import { AdminInputs } from '@shared/admin/api';
import type { SurveyProposal } from '@shared/admin/records';
import { CommonErrors } from '@shared/core/errors';
import { fail, ok, type Result } from '@shared/core/result';
import { surveyStructureProblems, type Survey } from '@shared/survey/catalogue';
import { action } from '../_platform/define';
import { recordAdminChange } from '../_usecases/history';
import { publishSurvey } from '../_usecases/publish-survey';

export const ProposalErrors = {
  notFound: () => fail('SURVEY.PROPOSAL_NOT_FOUND', '没有找到这份待审批的问卷'),
  notWaiting: () => fail('SURVEY.PROPOSAL_NOT_WAITING', '这份问卷已审批发布，无需再次审批'),
  ownProposal: () => fail('SURVEY.SAME_APPROVER', '问卷需由另一位管理员审批后发布（004 4.5），不能审批自己提交的问卷'),
};

/** A questionnaire proposed for publication: checked now, published once another admin approves it (004 4.5). */
export const proposeSurvey = action({
  input: AdminInputs.proposeSurvey,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const problems = surveyStructureProblems(input);
    if (Object.keys(problems).length) return CommonErrors.badRequest(problems);
    const proposal = await store.transaction(async (tx) => {
      const stored = await store.surveyProposals.within(tx).insert({
        survey: input, state: 'proposed', proposedBy: user._id, proposedByName: user.name, proposedAt: now, approvedBy: null, approvedAt: null, version: null,
      });
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'surveyProposed', ref: `surveyProposals/${stored._id}`, before: null, after: stored, by: user, at: now });
      return stored;
    });
    return ok({ proposal });
  },
});

/** Approves another admin's proposal and publishes it as the stage's next version, once. */
export const approveSurvey = action({
  input: AdminInputs.approveSurvey,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const outcome = await store.transaction(async (tx): Promise<Result<{ proposal: SurveyProposal; survey: Survey }>> => {
      const proposals = store.surveyProposals.within(tx);
      const before = await proposals.get(input.proposalId);
      if (!before) return ProposalErrors.notFound();
      if (before.state !== 'proposed') return ProposalErrors.notWaiting();
      if (before.proposedBy === user._id) return ProposalErrors.ownProposal();
      const survey = await publishSurvey(store, tx, before.survey, user._id, now);
      const after: SurveyProposal = { ...before, state: 'approved', approvedBy: user._id, approvedAt: now, version: survey.version };
      await proposals.put(after);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'surveyApproved', ref: `surveyProposals/${before._id}`, before, after, by: user, at: now });
      return ok({ proposal: after, survey });
    });
    return outcome;
  },
});

/** Proposals waiting for approval, oldest first. */
export const proposals = action({
  input: AdminInputs.proposals,
  roles: ['admin'],
  async run({ store }) {
    return ok({ proposals: await store.surveyProposals.find({ state: 'proposed' }, { orderBy: [['proposedAt', 'asc']], limit: 100 }) });
  },
});
