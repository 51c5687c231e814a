/**
 * "Lưu ảnh QR": the order's VietQR code as a PNG a shopper keeps in their photos and opens in their banking app's
 * "scan from gallery". Drawn in the page from the same-origin SVG the API serves (nothing leaves the site, so the
 * CSP stays as it is), on a white card that names the order, the amount and the content, so the picture is
 * recognisable later in the gallery.
 */

const WIDTH = 720;
const QR = 600;
const TOP = 96;

export interface QrCard {
  svgUrl: string;
  title: string;
  lines: string[];
}

function load(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the QR image did not load"));
    img.src = url;
  });
}

export async function qrCardPng(card: QrCard): Promise<Blob> {
  const img = await load(card.svgUrl);
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = TOP + QR + 40 + card.lines.length * 48 + 32;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no canvas");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#1c2b22";
  g.textAlign = "center";
  g.textBaseline = "middle";
  g.font = "700 36px system-ui, sans-serif";
  g.fillText(card.title, WIDTH / 2, TOP / 2, WIDTH - 40);
  // The code's modules stay sharp: scanners read a crisp image best.
  g.imageSmoothingEnabled = false;
  g.drawImage(img, (WIDTH - QR) / 2, TOP, QR, QR);
  g.font = "600 30px system-ui, sans-serif";
  card.lines.forEach((line, i) => {
    g.fillText(line, WIDTH / 2, TOP + QR + 40 + i * 48 + 24, WIDTH - 40);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
  );
}

/** iPhones keep a download in Files, not Photos: there the share sheet's "Save Image" is what reaches the gallery. */
function sharesToPhotos(file: File): boolean {
  const apple =
    /iPad|iPhone|iPod/.test(navigator.userAgent) || (/Mac/.test(navigator.platform) && navigator.maxTouchPoints > 1);
  return apple && typeof navigator.canShare === "function" && navigator.canShare({ files: [file] });
}

/** Saves the picture: a download (Android puts it in the gallery's Downloads), or the share sheet on an iPhone. */
export async function saveQrCard(card: QrCard, fileName: string): Promise<void> {
  const blob = await qrCardPng(card);
  const file = new File([blob], fileName, { type: "image/png" });
  if (sharesToPhotos(file)) {
    await navigator.share({ files: [file] });
    return;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
