import { useEffect, useRef, useState } from 'react';
import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CanvasTouchEvent } from '@tarojs/components/types/common';
import { uploadPhoto } from '@/api';
import { ActionButton } from '@/components/ActionButton';

const CANVAS_ID = 'signature-canvas';
const INK = '#1f2329';
/** strokes shorter than this, in canvas pixels, are a stray tap rather than a signature */
const MIN_INK = 40;

/** The 2D canvas: WeChat's node (sized for the screen's pixel ratio), or the <canvas> Taro H5 renders. */
interface Pad {
  canvas: { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D | null };
  ctx: CanvasRenderingContext2D;
  /** CSS pixels of the pad */
  width: number;
  height: number;
}

type Status = { at: 'drawing' } | { at: 'uploading' } | { at: 'signed'; fileId: string } | { at: 'failed'; message: string };

function blank(pad: Pad) {
  pad.ctx.fillStyle = '#ffffff';
  pad.ctx.fillRect(0, 0, pad.width, pad.height);
  pad.ctx.strokeStyle = INK;
  pad.ctx.lineWidth = 3;
  pad.ctx.lineCap = 'round';
  pad.ctx.lineJoin = 'round';
}

/** WeChat: the canvas node from a selector query, scaled so the ink is sharp; asked again while the page is still laying it out. */
function openWeappPad(done: (pad: Pad) => void, tries = 20) {
  Taro.createSelectorQuery()
    .select(`#${CANVAS_ID}`)
    .fields({ node: true, size: true })
    .exec((res: { node: Pad['canvas']; width: number; height: number }[]) => {
      const found = res[0];
      const ctx = found?.node?.getContext('2d');
      if (!found || !ctx || !found.width) {
        if (tries > 0) setTimeout(() => openWeappPad(done, tries - 1), 50);
        return;
      }
      const ratio = Taro.getWindowInfo().pixelRatio;
      found.node.width = found.width * ratio;
      found.node.height = found.height * ratio;
      ctx.scale(ratio, ratio);
      done({ canvas: found.node, ctx, width: found.width, height: found.height });
    });
}

/** H5: Taro renders <taro-canvas-core id=…><canvas/></taro-canvas-core>, sized once it has rendered. */
function findH5Canvas(): HTMLCanvasElement | null {
  const pages = document.querySelectorAll(`#${CANVAS_ID} canvas`);
  return (pages[pages.length - 1] as HTMLCanvasElement | undefined) ?? null;
}

/** Exports what was drawn as a PNG this device can upload: a temp file (WeChat) or a data URL (H5). */
async function exportPng(pad: Pad): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return (pad.canvas as HTMLCanvasElement).toDataURL('image/png');
  const res = await Taro.canvasToTempFilePath({ canvas: pad.canvas as unknown as Taro.Canvas, fileType: 'png' });
  return res.tempFilePath;
}

interface Props {
  /** the uploaded signature's file id once the homeowner confirmed it; null when cleared */
  onSigned: (fileId: string | null) => void;
  error?: string;
}

/**
 * 业主签名: the homeowner signs with a finger on the staff member's phone (a mouse works too in the
 * browser); 清除 starts again, 确认签名 exports the drawing as a PNG and uploads it into the product's
 * `signatures` folder. Nothing is sent until the homeowner confirms.
 */
export function SignaturePad({ onSigned, error }: Props) {
  const pad = useRef<Pad | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const ink = useRef(0);
  const [hasInk, setHasInk] = useState(false);
  const [status, setStatus] = useState<Status>({ at: 'drawing' });

  /** once confirmed, the signature stays as uploaded until 清除 */
  const locked = useRef(false);
  const begin = (x: number, y: number) => {
    if (!locked.current) last.current = { x, y };
  };
  const draw = (x: number, y: number) => {
    const p = pad.current;
    const from = last.current;
    if (!p || !from) return;
    p.ctx.beginPath();
    p.ctx.moveTo(from.x, from.y);
    p.ctx.lineTo(x, y);
    p.ctx.stroke();
    ink.current += Math.hypot(x - from.x, y - from.y);
    last.current = { x, y };
    if (ink.current >= MIN_INK) setHasInk(true);
  };
  const end = () => {
    last.current = null;
  };

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') {
      // the canvas node exists once the page has rendered it
      const timer = setTimeout(() => openWeappPad((p) => {
        pad.current = p;
        blank(p);
      }), 50);
      return () => clearTimeout(timer);
    }
    let canvas: HTMLCanvasElement | null = null;
    let tries = 0;
    const point = (e: PointerEvent) => {
      const box = (canvas as HTMLCanvasElement).getBoundingClientRect();
      return { x: ((e.clientX - box.left) * (pad.current?.width ?? box.width)) / box.width, y: ((e.clientY - box.top) * (pad.current?.height ?? box.height)) / box.height };
    };
    const down = (e: PointerEvent) => {
      canvas?.setPointerCapture(e.pointerId);
      const p = point(e);
      begin(p.x, p.y);
    };
    const move = (e: PointerEvent) => {
      if (!last.current) return;
      e.preventDefault();
      const p = point(e);
      draw(p.x, p.y);
    };
    const up = () => end();
    let timer: ReturnType<typeof setTimeout>;
    const attach = () => {
      canvas = findH5Canvas();
      // Taro H5 sizes the <canvas> after its first render: wait until it has a size
      if (!canvas || !canvas.width || !canvas.height) {
        if (tries++ < 100) timer = setTimeout(attach, 30);
        return;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      pad.current = { canvas, ctx, width: canvas.width, height: canvas.height };
      blank(pad.current);
      canvas.style.touchAction = 'none';
      canvas.addEventListener('pointerdown', down);
      canvas.addEventListener('pointermove', move);
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointercancel', up);
    };
    attach();
    return () => {
      clearTimeout(timer);
      canvas?.removeEventListener('pointerdown', down);
      canvas?.removeEventListener('pointermove', move);
      canvas?.removeEventListener('pointerup', up);
      canvas?.removeEventListener('pointercancel', up);
    };
    // the pad is set up once; drawing state lives in refs
  }, []);

  const clear = () => {
    if (pad.current) blank(pad.current);
    ink.current = 0;
    locked.current = false;
    setHasInk(false);
    setStatus({ at: 'drawing' });
    onSigned(null);
  };

  const confirm = async () => {
    const p = pad.current;
    if (!p || !hasInk) return setStatus({ at: 'failed', message: '请业主先在上面的框里签名' });
    setStatus({ at: 'uploading' });
    locked.current = true;
    let file: string;
    try {
      file = await exportPng(p);
    } catch {
      locked.current = false;
      return setStatus({ at: 'failed', message: '签名没有保存下来，请清除后重新签名' });
    }
    const reply = await uploadPhoto(file, undefined, 'signatures');
    if (!reply.ok) {
      locked.current = false;
      return setStatus({ at: 'failed', message: `签名上传失败：${reply.message}，请再点确认签名` });
    }
    setStatus({ at: 'signed', fileId: reply.data.fileId });
    onSigned(reply.data.fileId);
  };

  const touch = (e: CanvasTouchEvent, then: (x: number, y: number) => void) => {
    const t = e.touches[0];
    if (t) then(t.x, t.y);
  };
  const weapp = process.env.TARO_ENV !== 'h5';
  const signed = status.at === 'signed';
  return (
    <View className='field signature' id='signature'>
      <View className='field__label'>
        <Text>业主签名</Text>
        <Text className='field__hint'>上门回访须由业主本人签名</Text>
      </View>
      <View className={`signature__box${signed ? ' signature__box--signed' : ''}${error ? ' signature__box--invalid' : ''}`}>
        <Canvas
          type='2d'
          id={CANVAS_ID}
          className='signature__canvas'
          disableScroll
          onTouchStart={weapp ? (e) => touch(e, begin) : undefined}
          onTouchMove={weapp ? (e) => touch(e, draw) : undefined}
          onTouchEnd={weapp ? end : undefined}
          onTouchCancel={weapp ? end : undefined}
        />
        {hasInk ? null : <Text className='signature__placeholder'>请业主在此处用手指签名</Text>}
      </View>
      {signed ? <Text className='signature__done' id='signature-done'>已确认签名，提交时一并保存；要重签请点清除</Text> : null}
      {status.at === 'failed' ? <View className='field__error' id='signature-error'>{status.message}</View> : error ? <View className='field__error' id='signature-error'>{error}</View> : null}
      <View className='btn-row'>
        <ActionButton id='signature-clear' onClick={clear}>
          清除
        </ActionButton>
        <ActionButton kind='primary' id='signature-confirm' busy={status.at === 'uploading'} disabled={signed} onClick={() => void confirm()}>
          {signed ? '已签名' : '确认签名'}
        </ActionButton>
      </View>
    </View>
  );
}
