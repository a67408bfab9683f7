/** '水路（漏水、堵塞、水压）' → ['水路', '漏水、堵塞、水压']; '客服部（第 1 次复审）' → ['客服部', '第 1 次复审'] */
export function splitLabel(label: string): [string, string | null] {
  const m = /^(.*?)（(.*)）$/.exec(label);
  return m ? [m[1], m[2]] : [label, null];
}
