/**
 * Nest finds a message's handler by first trying `JSON.parse` on its pattern; for our plain
 * subjects that throws, so every message paid for an exception (a tenth of a consumer's CPU in
 * profiles). A server's patterns are a small fixed set, so each is resolved once; the cap keeps
 * a flood of unknown subjects from growing the map.
 */
export class RouteMemo {
  private readonly routes = new Map<string, string>();

  constructor(
    private readonly resolve: (pattern: string) => string,
    private readonly capacity = 1024,
  ) {}

  routeOf(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = this.resolve(pattern);
      if (this.routes.size < this.capacity) this.routes.set(pattern, route);
    }
    return route;
  }
}
