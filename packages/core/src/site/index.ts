import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The site's public origin, for links that leave it (the order page in an SMS). While a request is served it is the
 * origin the request was addressed to (the API's publicOrigin: PUBLIC_URL, else the host CloudFront forwards, else
 * the request's own — on `pnpm start` that is the address a phone on the network used). A job outside any request
 * (the expiry of unpaid orders) takes PUBLIC_URL, else the local server's address.
 */
export namespace Site {
  const serving = new AsyncLocalStorage<string>();

  export interface Config {
    /** PUBLIC_URL: the site's address when it has one (on AWS, its domain). */
    publicUrl?: string;
    /** The local server's port. */
    port?: string | number;
  }

  /** Read on each use: the composition root hands over a reader of its configuration. */
  let configured: () => Config = () => ({});

  export function configure(read: () => Config) {
    configured = read;
  }

  /** The configured public address as given, if any. */
  export function publicUrl(): string | undefined {
    return configured().publicUrl;
  }

  export function withOrigin<T>(origin: string, work: () => Promise<T>): Promise<T> {
    return serving.run(origin.replace(/\/+$/, ""), work);
  }

  export function origin(): string {
    const config = configured();
    const publicUrl = config.publicUrl?.replace(/\/+$/, "") || undefined;
    return serving.getStore() ?? publicUrl ?? `http://localhost:${config.port ?? 3000}`;
  }

  /** The shopper's page of one order. */
  export function orderUrl(orderId: string): string {
    return `${origin()}/don-hang/${encodeURIComponent(orderId)}`;
  }

  /** The seller's list of their parts of orders. */
  export function sellerOrdersUrl(): string {
    return `${origin()}/ban-hang/don-hang`;
  }
}
