import type { ReactNode } from 'react';
import type { ComplaintView } from '@shared/complaint/api';
import type { Millis } from '@shared/core/time';
import { ContactCard } from '@/components/ContactCard';
import { AcknowledgementCard } from './AcknowledgementCard';
import { ComplaintOverview } from './ComplaintOverview';
import { FurtherRemedies } from './FurtherRemedies';
import { InvestigationCard } from './InvestigationCard';
import { ComplaintProgress } from './ComplaintProgress';
import { ComplaintTimeline } from './ComplaintTimeline';
import { ProposalCard } from './ProposalCard';

interface Props {
  complaint: ComplaintView;
  audience: 'homeowner' | 'staff';
  now: Millis;
  /** what this reader can do now: the homeowner's decision, or the handler's steps */
  actions: ReactNode;
}

/** A whole complaint for one reader: a proposal waiting for an answer comes right under what it is about. */
export function ComplaintDetail({ complaint: c, audience, now, actions }: Props) {
  const waiting = c.status === 'proposed' && c.proposal !== null;
  const proposal = c.proposal ? <ProposalCard proposal={c.proposal} status={c.status} /> : null;
  const ack = c.acknowledgement ? <AcknowledgementCard acknowledgement={c.acknowledgement} reference={c.ref} /> : null;
  if (audience === 'homeowner') {
    return (
      <>
        <ComplaintOverview complaint={c} audience={audience} />
        {waiting ? proposal : null}
        {actions}
        {waiting ? <FurtherRemedies ways={c.furtherRemedies} /> : null}
        {ack}
        <ComplaintProgress complaint={c} now={now} audience={audience} />
        {waiting ? null : proposal}
        <InvestigationCard complaint={c} />
        {waiting ? null : <FurtherRemedies ways={c.furtherRemedies} />}
        <ComplaintTimeline history={c.history} />
      </>
    );
  }
  return (
    <>
      <ComplaintOverview complaint={c} audience={audience} />
      {actions}
      <ComplaintProgress complaint={c} now={now} audience={audience} />
      <ContactCard title='业主' role='业主' person={c.homeowner} />
      <InvestigationCard complaint={c} />
      {proposal}
      {ack}
      <ComplaintTimeline history={c.history} />
    </>
  );
}
