import { useState } from 'react';
import { View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import { DEPARTMENT_LABELS, DEPARTMENTS, type Department } from '@shared/core/roles';
import { validate } from '@shared/core/validation';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';

interface Props {
  complaintId: string;
  current: Department;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (department: Department, reason: string) => void;
}

/** 改派部门: the department that should answer instead, and why. */
export function ForwardForm({ complaintId, current, busy, onCancel, onSubmit }: Props) {
  const [department, setDepartment] = useState<Department | undefined>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const checked = validate(ComplaintInputs.forward, { complaintId, department, reason });
    if (!checked.ok) return setErrors(checked.fields ?? { reason: checked.message });
    setErrors({});
    onSubmit(checked.data.department, checked.data.reason);
  };

  return (
    <View className='action-card__form' id='forward-form'>
      <View className='field'>
        <View className='field__label'>转交给</View>
        <View className='chips'>
          {DEPARTMENTS.filter((d) => d !== current).map((d) => (
            <View
              key={d}
              id={`forward-dept-${d}`}
              className={`chip${d === department ? ' chip--active' : ''}`}
              onClick={() => {
                setDepartment(d);
                setErrors((e) => ({ ...e, department: '' }));
              }}
            >
              {DEPARTMENT_LABELS[d]}
            </View>
          ))}
        </View>
        {errors.department ? <View className='field__error'>{errors.department}</View> : null}
      </View>
      <TextField
        id='forward-reason'
        label='改派原因'
        value={reason}
        onChange={(v) => {
          setReason(v);
          setErrors((e) => ({ ...e, reason: '' }));
        }}
        placeholder='例如：经核实是瓷砖本身的质量问题，应由材料部处理'
        max={200}
        error={errors.reason || undefined}
      />
      <View className='banner banner--info'>改派后答复期限不变，请尽快与对方部门沟通。</View>
      <FormButtons idPrefix='forward' submitLabel='确认改派' busy={busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
