// The part of autocannon's API the benchmarks use (the package ships no types, @types is not installed).
declare module 'autocannon' {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      /** Requests per second across all connections (a steady load instead of as fast as possible). */
      overallRate?: number;
      requests?: Array<Request & { setupRequest?: (req: Request) => Request }>;
    };
    type Histogram = { p50: number; p99: number; max: number; average: number };
    type Result = {
      latency: Histogram;
      errors: number;
      timeouts: number;
      statusCodeStats?: Record<string, { count: number }>;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
