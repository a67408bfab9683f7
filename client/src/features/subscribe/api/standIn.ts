/**
 * H5 only. Taro's H5 build turns `requestSubscribeMessage` into a silent no-op, so the local host
 * shows our own stand-in for WeChat's dialog. The dialog component on the page showing listens here;
 * the newest one mounted (the top page) answers.
 */
export interface StandInRequest {
  templateIds: string[];
  /** template id → what the homeowner reads ('施工阶段回访提醒') */
  titles: Record<string, string>;
  resolve: (results: Record<string, string>) => void;
}

type Listener = (request: StandInRequest) => void;

const listeners: Listener[] = [];

export function listenForStandIn(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.lastIndexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/** Shows the stand-in dialog; with none on the page, nothing is asked and nothing is accepted. */
export function openStandIn(templateIds: string[], titles: Record<string, string>): Promise<Record<string, string>> {
  const show = listeners[listeners.length - 1];
  if (!show) return Promise.resolve({});
  return new Promise((resolve) => show({ templateIds, titles, resolve }));
}
