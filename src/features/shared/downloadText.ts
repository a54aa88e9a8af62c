// Hands the trainer or learner a small text file (an assignment, a receipt, a certificate link or
// the cohort CSV) made on this device; nothing is uploaded.
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: lower-case words joined by hyphens, never empty. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'heard';
}

/** Reads the text of dropped or chosen files, at most 100 KB each (a receipt is a few KB). */
export async function readTextFiles(files: Iterable<File>): Promise<{ source: string; text: string }[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      source: file.name,
      text: file.size > 100_000 ? '' : await file.text().catch(() => ''),
    })),
  );
}
