import { ChipGrid } from '@/components/ChipGrid';
import type { EnquiryKind } from '@shared/enquiry/enquiry';

/** The three kinds as large choices, each with what it is for on its second line. */
const KINDS: { id: EnquiryKind; label: string }[] = [
  { id: 'enquiry', label: '咨询（想问的问题）' },
  { id: 'suggestion', label: '建议（对我们的意见）' },
  { id: 'need', label: '服务需求（其他要办的事）' },
];

export function KindChips({ idPrefix, value, onChange, error }: { idPrefix: string; value: EnquiryKind | undefined; onChange: (k: EnquiryKind) => void; error?: string }) {
  return <ChipGrid label='您想' idPrefix={idPrefix} options={KINDS} value={value} onChange={onChange} error={error} />;
}
