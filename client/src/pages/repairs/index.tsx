import Taro from '@tarojs/taro';
import { Loadable } from '@/components/Loadable';
import { MyList } from '@/components/MyList';
import { Screen } from '@/components/Screen';
import { fetchMyRepairs, TicketCard } from '@/features/repair';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import './index.scss';

const EMPTY = { icon: '修', tone: 'green', title: '还没有报修记录', text: '家里有东西坏了？提交报修，项目经理会按承诺的时间联系您' } as const;

function MyRepairs() {
  const now = useNow();
  return (
    <Loadable load={fetchMyRepairs}>
      {(data) => (
        <MyList
          id='my-repairs'
          className='ticket-list'
          items={data.tickets}
          renderItem={(t) => <TicketCard key={t.id} ticket={t} audience='homeowner' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.repair(id) })} />}
          empty={EMPTY}
          newLabel='我要报修'
          newId='new-repair'
          onNew={() => void Taro.navigateTo({ url: routes.newRepair() })}
        />
      )}
    </Loadable>
  );
}

export default function MyRepairsPage() {
  return (
    <Screen withBar>
      <MyRepairs />
    </Screen>
  );
}
