import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { ConfigOverviewView, fetchConfigOverview } from '@/features/admin';
import '../manage.scss';

export default function ConfigPage() {
  return (
    <Screen>
      <Loadable load={fetchConfigOverview}>{(data) => <ConfigOverviewView data={data} />}</Loadable>
    </Screen>
  );
}
