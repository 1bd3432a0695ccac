/** The extension pages' side of the protocol: typed requests to the background. */
import { browser } from 'wxt/browser';
import { request, type Protocol, type RequestOf, type RequestType } from './protocol';

export function ask<K extends RequestType>(msg: RequestOf<K>): Promise<Protocol[K]['res']> {
  return request(browser.runtime.sendMessage as (m: unknown) => Promise<unknown>, msg);
}
