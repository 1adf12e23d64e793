// The REST API as the console uses it: the token from the login, JSON in and out, errors as exceptions that carry
// the server's message, field and allowed values.

const KEY = 'outdial.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.field = body && body.field;
    this.allowed = body && body.allowed;
  }
}

export const session = {
  token: sessionStorage.getItem(KEY),
  admin: false,
  tenant: null,
  set(token) { this.token = token; sessionStorage.setItem(KEY, token); },
  clear() { this.token = null; this.admin = false; sessionStorage.removeItem(KEY); },
};

function headers(extra = {}) {
  const h = { ...extra };
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  return h;
}

async function parse(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof body === 'object' ? body : { error: body });
  return body;
}

/** JSON request; returns { body, etag }. */
export async function call(method, path, body, extraHeaders = {}) {
  const init = { method, headers: headers(extraHeaders) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (response.status === 204) return { body: null, etag: null };
  return { body: await parse(response), etag: response.headers.get('ETag') };
}

export const get = async (path) => (await call('GET', path)).body;
export const post = async (path, body) => (await call('POST', path, body)).body;
export const put = async (path, body, etag) => (await call('PUT', path, body, etag ? { 'If-Match': etag } : {})).body;
export const del = async (path) => (await call('DELETE', path)).body;

/** Uploads a file as the request body with upload progress; resolves to the parsed JSON answer. */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = { error: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body); else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { error: 'the upload failed: the server did not answer' }));
    xhr.send(file);
  });
}

/** Downloads an authenticated resource as a file. */
export async function download(path, filename) {
  const response = await fetch(`/api/v1${path}`, { headers: headers() });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Server-sent events over fetch (so the token travels in the Authorization header, never in a URL). Calls
 * onEvent(name, data) per event; returns a function that stops the stream.
 */
export function stream(path, onEvent, onError) {
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch(`/api/v1${path}`, { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length) onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    } catch (e) {
      if (!controller.signal.aborted && onError) onError(e);
    }
  })();
  return () => controller.abort();
}
