import http from 'node:http';

/**
 * A keep-alive JSON POST over node:http. The load generator shares the machine with the suite,
 * so it must be cheap: undici's fetch costs two to three times its CPU per request.
 */
export class JsonPoster {
  private readonly agent: http.Agent;

  constructor(
    private readonly base: URL,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  post(path: string, headers: Record<string, string>, body: unknown): Promise<number> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
