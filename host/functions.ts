import { adminFunction } from '../cloudfunctions/admin/handler';
import { complaintFunction } from '../cloudfunctions/complaint/handler';
import { followUpFunction } from '../cloudfunctions/followup/handler';
import type { FunctionHandler } from '../cloudfunctions/_platform/define';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { meFunction } from '../cloudfunctions/me/handler';
import { projectFunction } from '../cloudfunctions/project/handler';
import { reportFunction } from '../cloudfunctions/report/handler';
import { repairFunction } from '../cloudfunctions/repair/handler';
import { surveyFunction } from '../cloudfunctions/survey/handler';

/** Every callable cloud function, by the name `callFunction` uses. */
export const FUNCTIONS: Record<string, (deps: Deps) => FunctionHandler> = {
  admin: adminFunction,
  complaint: complaintFunction,
  followup: followUpFunction,
  me: meFunction,
  project: projectFunction,
  repair: repairFunction,
  report: reportFunction,
  survey: surveyFunction,
};
