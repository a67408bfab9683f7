import { adminFunction } from '../cloudfunctions/admin/handler';
import { campaignFunction } from '../cloudfunctions/campaign/handler';
import { complaintFunction } from '../cloudfunctions/complaint/handler';
import { enquiryFunction } from '../cloudfunctions/enquiry/handler';
import { dispatchFunction } from '../cloudfunctions/dispatch/probe';
import { followUpFunction } from '../cloudfunctions/followup/handler';
import type { FunctionHandler } from '../cloudfunctions/_platform/define';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { meFunction } from '../cloudfunctions/me/handler';
import { noticesFunction } from '../cloudfunctions/notices/handler';
import { privacyFunction } from '../cloudfunctions/privacy/handler';
import { projectFunction } from '../cloudfunctions/project/handler';
import { prospectFunction } from '../cloudfunctions/prospect/handler';
import { reportFunction } from '../cloudfunctions/report/handler';
import { repairFunction } from '../cloudfunctions/repair/handler';
import { surveyFunction } from '../cloudfunctions/survey/handler';

/** Every callable cloud function, by the name `callFunction` uses (dispatch: its deploy check; its timer is in timers.ts). */
export const FUNCTIONS: Record<string, (deps: Deps) => FunctionHandler> = {
  admin: adminFunction,
  campaign: campaignFunction,
  complaint: complaintFunction,
  dispatch: dispatchFunction,
  enquiry: enquiryFunction,
  followup: followUpFunction,
  me: meFunction,
  notices: noticesFunction,
  privacy: privacyFunction,
  project: projectFunction,
  prospect: prospectFunction,
  repair: repairFunction,
  report: reportFunction,
  survey: surveyFunction,
};
