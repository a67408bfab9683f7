import { useCallback, useState } from 'react';
import type { Failure } from '@shared/core/result';
import type { ProjectReplies, ProjectDetail } from '@shared/project/api';
import { toastDone } from '@/lib/feedback';
import { callProject, type ProjectInput } from './callProject';

export type RecordMilestoneInput = Omit<ProjectInput<'recordMilestone'>, 'projectId'>;
export type PlanChange = ProjectReplies['recordMilestone']['followUps'];

/**
 * Records, corrects or removes one milestone: the failure kept for the form (its field errors shown
 * next to the fields), the project as it now stands handed back, and what it did to the follow-ups.
 */
export function useRecordMilestone(projectId: string, onUpdated: (project: ProjectDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [change, setChange] = useState<PlanChange | null>(null);

  const run = useCallback(
    async (input: RecordMilestoneInput): Promise<boolean> => {
      setBusy(true);
      setFailure(null);
      const reply = await callProject('recordMilestone', { ...input, projectId });
      setBusy(false);
      if (!reply.ok) {
        setFailure(reply);
        return false;
      }
      onUpdated(reply.data.project);
      setChange(reply.data.followUps);
      toastDone(input.date === null ? '已删除' : '已记录');
      return true;
    },
    [projectId, onUpdated],
  );

  return { busy, failure, setFailure, change, run };
}

export type MilestoneRecorder = ReturnType<typeof useRecordMilestone>;
