import { complaintFunction } from '../cloudfunctions/complaint/handler';
import { followUpFunction } from '../cloudfunctions/followup/handler';
import type { FunctionHandler } from '../cloudfunctions/_platform/define';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { meFunction } from '../cloudfunctions/me/handler';
import { privacyFunction } from '../cloudfunctions/privacy/handler';
import { projectFunction } from '../cloudfunctions/project/handler';
import { prospectFunction } from '../cloudfunctions/prospect/handler';
import { repairFunction } from '../cloudfunctions/repair/handler';
import { surveyFunction } from '../cloudfunctions/survey/handler';

/** Every callable cloud function, by the name `callFunction` uses. */
export const FUNCTIONS: Record<string, (deps: Deps) => FunctionHandler> = {
  complaint: complaintFunction,
  followup: followUpFunction,
  me: meFunction,
  privacy: privacyFunction,
  project: projectFunction,
  prospect: prospectFunction,
  repair: repairFunction,
  survey: surveyFunction,
};
