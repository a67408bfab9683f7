import type { RepairView } from '@shared/repair/api';
import type { Millis } from '@shared/core/time';
import type { TicketCommand } from '../api/useTicketCommand';
import { ContactCard } from '@/components/ContactCard';
import { HomeownerActions } from './HomeownerActions';
import { OpenRequestActions } from './OpenRequestActions';
import { Promises } from './Promises';
import { RatingForm } from './RatingForm';
import { RatingSummary } from './RatingSummary';
import { ResolutionCard } from './ResolutionCard';
import { StaffActions } from './StaffActions';
import { TicketOverview } from './TicketOverview';
import { Timeline } from './Timeline';

interface Props {
  ticket: RepairView;
  audience: 'homeowner' | 'staff';
  now: Millis;
  command: TicketCommand;
}

/** A whole ticket for one reader: what they need to act on comes right after what it is about. */
export function TicketDetail({ ticket: t, audience, now, command }: Props) {
  if (audience === 'homeowner') {
    return (
      <>
        <TicketOverview ticket={t} audience={audience} />
        {t.resolution ? <ResolutionCard resolution={t.resolution} /> : null}
        <HomeownerActions ticket={t} command={command} />
        <OpenRequestActions ticket={t} command={command} />
        {t.allowed.includes('rate') ? <RatingForm ticket={t} command={command} /> : null}
        {t.rating ? <RatingSummary rating={t.rating} /> : null}
        <Promises ticket={t} now={now} audience={audience} />
        <ContactCard title='负责的项目经理' role='项目经理' person={t.siteManager} />
        <Timeline history={t.history} />
      </>
    );
  }
  return (
    <>
      <TicketOverview ticket={t} audience={audience} />
      <StaffActions ticket={t} command={command} now={now} />
      <Promises ticket={t} now={now} audience={audience} />
      <ContactCard title='业主' role='业主' person={t.homeowner} />
      {t.resolution ? <ResolutionCard resolution={t.resolution} /> : null}
      {t.rating ? <RatingSummary rating={t.rating} /> : null}
      <Timeline history={t.history} />
    </>
  );
}
