import { ApiError } from "../api/client";
import { sellerApi } from "../api/seller";
import { checkFile, type FileProblem, type UploadPurpose } from "./ocop";

/** A file refused in the browser, before anything is sent. */
export class FileCheckError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code);
    this.name = "FileCheckError";
  }
}

/**
 * Uploads a file the way S3's presigned POST works, wherever the form points: ask the API for a form
 * (`POST /api/seller/uploads`), then POST its `fields` and the `file` to its `url`. Returns the storage key.
 */
export async function uploadFile(
  file: File,
  purpose: UploadPurpose,
  onProgress?: (fraction: number) => void,
): Promise<string> {
  const problem = checkFile(file, purpose);
  if (problem) throw new FileCheckError(problem);
  const ticket = await sellerApi.presign({ purpose, contentType: file.type, size: file.size });
  await postForm(ticket.url, ticket.fields, file, onProgress);
  return ticket.key;
}

/** XMLHttpRequest rather than fetch: it reports upload progress, which a phone on weak 4G needs to see. */
function postForm(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve();
      } else {
        reject(new ApiError(xhr.status, "upload_failed", ""));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "upload failed"));
    xhr.send(form);
  });
}
