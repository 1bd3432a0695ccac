/** The extension pages' side of the protocol: typed requests to the background. */
import { browser } from 'wxt/browser';
import { request, type Protocol, type RequestOf, type RequestType } from './protocol';
import { reliable } from './reliableSend';

// A minute: an import of a large file is parsed and saved in one request.
const send = reliable((m) => browser.runtime.sendMessage(m), 60_000);

/** Retried once if the service worker stops mid-request; fails with a clear error after a minute. */
export function ask<K extends RequestType>(msg: RequestOf<K>): Promise<Protocol[K]['res']> {
  return request(send, msg);
}
