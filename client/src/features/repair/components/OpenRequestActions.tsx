import { View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { ActionButton } from '@/components/ActionButton';
import { AddInfoCard } from '@/features/photos';
import { confirmAction } from '@/lib/feedback';
import type { TicketCommand } from '../api/useTicketCommand';

/**
 * What a homeowner can do while a repair is open: add information and photos for the site manager, and
 * withdraw the request as long as nobody has accepted it yet.
 */
export function OpenRequestActions({ ticket, command }: { ticket: RepairView; command: TicketCommand }) {
  const canCancel = ticket.allowed.includes('cancel');
  const canAdd = ticket.allowed.includes('addInfo');
  if (!canCancel && !canAdd) return null;

  const cancel = async () => {
    const sure = await confirmAction('取消这次报修？', '项目经理还没有接单，取消后不会再安排上门。如果以后还需要维修，可以重新报修。', '取消报修');
    if (sure) await command.run('cancel', { ticketId: ticket.id }, '已取消报修');
  };

  return (
    <>
      {canAdd ? (
        <AddInfoCard
          idPrefix='repair-info'
          folder='repairs'
          reader='项目经理'
          busy={command.busy === 'addInfo'}
          failure={command.failure}
          onSubmit={(text, photos) => command.run('addInfo', { ticketId: ticket.id, text, photos }, '已补充信息')}
        />
      ) : null}
      {canCancel ? (
        <View className='card action-card' id='repair-cancel-card'>
          <ActionButton block kind='danger' busy={command.busy === 'cancel'} onClick={() => void cancel()} id='repair-cancel'>
            取消报修（项目经理接单前可取消）
          </ActionButton>
        </View>
      ) : null}
    </>
  );
}
