import { PICTURE_METRICS, layoutBand, type PictureText } from './layout.ts';

const FONT = "'Noto Sans', sans-serif";

/**
 * The picture: the map's pixels (a snapshot at the device's pixel ratio `scale`) with the band of layout.ts under
 * it, drawn in the bundled font (loaded first, so that no fallback font is measured).
 */
export async function composePicture(map: HTMLCanvasElement, text: PictureText, scale: number): Promise<HTMLCanvasElement> {
  await Promise.all([document.fonts.load(`600 14px ${FONT}`), document.fonts.load(`12px ${FONT}`)]);
  const width = map.width / scale;
  const measuring = document.createElement('canvas').getContext('2d')!;
  const fontOf = (small: boolean) => `${small ? 11 : 13}px ${FONT}`;
  const measure = (t: string, small: boolean) => {
    measuring.font = fontOf(small);
    return measuring.measureText(t).width;
  };
  const band = layoutBand(text, width, measure);
  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  canvas.height = map.height + Math.round(band.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(map, 0, 0);
  ctx.scale(scale, scale);
  const top = map.height / scale;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, top, width, band.height);
  ctx.fillStyle = '#d9d4cc';
  ctx.fillRect(0, top, width, 1);
  band.pieces.forEach((p, i) => {
    let x = p.x;
    if (p.color) {
      ctx.fillStyle = p.color;
      ctx.beginPath();
      ctx.arc(x + PICTURE_METRICS.swatch / 2, top + p.y - 4, PICTURE_METRICS.swatch / 2, 0, Math.PI * 2);
      ctx.fill();
      x += PICTURE_METRICS.swatch + 4;
    }
    ctx.font = i === 0 ? `600 14px ${FONT}` : fontOf(Boolean(p.small));
    ctx.fillStyle = p.small ? '#5c5850' : '#1f1d1a';
    ctx.fillText(p.text, x, top + p.y);
  });
  return canvas;
}
