// Export of the drawing as a standalone SVG file or a PNG picture (drawn through a canvas).
const MAX_PNG_SIDE = 16000;

export async function svgToPngDataUrl(svg: string, width: number, height: number): Promise<string> {
  const scale = Math.max(0.1, Math.min(2, MAX_PNG_SIDE / Math.max(width, height)));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the drawing could not be turned into a picture'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
