import { defineFunction } from '../_platform/define';
import { getConfig, history, setConfig } from './config';
import { importData } from './import';
import { createInvite } from './invites';
import { listStaff, saveSite, saveStaff } from './people';
import { grantRecordAccess, recordAccess, revokeRecordAccess } from './recordAccess';
import { approveSurvey, proposals, proposeSurvey } from './surveys';

/**
 * The admin's work (DOMAIN §1), from the mini-program or from the CloudBase console's test panel with a
 * console key: configuration with validation and history, staff and roles, sites, invite codes,
 * questionnaires with approval, imports, and approvals to read phone follow-up records.
 */
export const adminFunction = defineFunction('admin', {
  getConfig, setConfig, history, listStaff, saveStaff, saveSite, createInvite, proposeSurvey, approveSurvey, proposals, import: importData,
  grantRecordAccess, revokeRecordAccess, recordAccess,
});
