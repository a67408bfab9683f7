import Taro from '@tarojs/taro';
import { Loadable } from '@/components/Loadable';
import { MyList } from '@/components/MyList';
import { Screen } from '@/components/Screen';
import { ComplaintCard, fetchMyComplaints } from '@/features/complaint';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import './index.scss';

const EMPTY = { icon: '诉', tone: 'blue', title: '还没有投诉记录', text: '对设计、施工、材料或服务不满意，都可以告诉我们，每条投诉都会有答复' } as const;

function MyComplaints() {
  const now = useNow();
  return (
    <Loadable load={fetchMyComplaints}>
      {(data) => (
        <MyList
          id='my-complaints'
          className='complaint-list'
          items={data.complaints}
          renderItem={(c) => <ComplaintCard key={c.id} complaint={c} audience='homeowner' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.complaint(id) })} />}
          empty={EMPTY}
          newLabel='我要投诉'
          newId='new-complaint'
          onNew={() => void Taro.navigateTo({ url: routes.newComplaint() })}
        />
      )}
    </Loadable>
  );
}

export default function MyComplaintsPage() {
  return (
    <Screen withBar>
      <MyComplaints />
    </Screen>
  );
}
