// QR codes drawn on the server as inline SVG (npm `qrcode`, MIT): generated from the text they carry
// (an account's address, a page's URL), never uploaded, so they cannot point elsewhere than the text.
// One path of dark modules with a quiet zone of four modules; crisp at any size and in print.
import QRCode from 'qrcode';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The QR code of `text` as an SVG element with the accessible name `label` (role="img", <title>).
 * Error correction level M; the text must fit a QR code (at most about 2,300 bytes at level M).
 */
export function qrSvg(text: string, label: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const data = qr.modules.data;
  const quiet = 4;
  const total = size + quiet * 2;
  let d = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      // A run of dark modules on one row is one rectangle.
      const start = x;
      while (x < size && data[y * size + x]) x++;
      d += `M${start + quiet} ${y + quiet}h${x - start}v1h-${x - start}z`;
    }
  }
  const name = escapeXml(label);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${total} ${total}" role="img" aria-label="${name}" shape-rendering="crispEdges"><title>${name}</title><rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
