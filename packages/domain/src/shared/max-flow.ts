/**
 * Dinic's maximum flow on integer capacities. Used for examiner assignment (grouping, dispatch): a
 * proven optimum instead of a greedy guess, O(E·√V) on the unit-capacity bipartite graphs we build.
 */
export type FlowNetwork = {
  addEdge(from: number, to: number, capacity: number): number;
  maxFlow(source: number, sink: number): number;
  flowOn(edge: number): number;
};

/** A network with nodeCount nodes; addEdge returns an edge id whose flow can be read afterwards. */
export function createFlowNetwork(nodeCount: number): FlowNetwork {
  const head = new Int32Array(nodeCount).fill(-1);
  const to: number[] = [];
  const next: number[] = [];
  const cap: number[] = [];
  const original: number[] = [];
  const level = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);

  const addEdge = (from: number, target: number, capacity: number): number => {
    const id = to.length;
    to.push(target, from);
    cap.push(capacity, 0);
    original.push(capacity, 0);
    next.push(head[from]!, head[target]!);
    head[from] = id;
    head[target] = id + 1;
    return id;
  };

  const buildLevels = (source: number, sink: number): boolean => {
    level.fill(-1);
    level[source] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    while (qh < qt) {
      const v = queue[qh++]!;
      for (let e = head[v]!; e !== -1; e = next[e]!) {
        if (cap[e]! > 0 && level[to[e]!]! < 0) {
          level[to[e]!] = level[v]! + 1;
          queue[qt++] = to[e]!;
        }
      }
    }
    return level[sink]! >= 0;
  };

  // Iterative blocking-flow search; recursion would overflow the stack on large networks.
  const augment = (source: number, sink: number): number => {
    const pathEdges: number[] = [];
    let pushed = 0;
    let v = source;
    for (;;) {
      if (v === sink) {
        let bottleneck = Infinity;
        for (const e of pathEdges) bottleneck = Math.min(bottleneck, cap[e]!);
        for (const e of pathEdges) {
          cap[e]! -= bottleneck;
          cap[e ^ 1]! += bottleneck;
        }
        pushed += bottleneck;
        pathEdges.length = 0;
        v = source;
        continue;
      }
      let e = cursor[v]!;
      while (e !== -1 && !(cap[e]! > 0 && level[to[e]!] === level[v]! + 1)) e = next[e]!;
      cursor[v] = e;
      if (e !== -1) {
        pathEdges.push(e);
        v = to[e]!;
        continue;
      }
      if (v === source) return pushed;
      level[v] = -1; // dead end: never enter this node again in this phase
      const back = pathEdges.pop()!;
      v = to[back ^ 1]!;
    }
  };

  const maxFlow = (source: number, sink: number): number => {
    let flow = 0;
    while (buildLevels(source, sink)) {
      cursor.set(head);
      flow += augment(source, sink);
    }
    return flow;
  };

  return { addEdge, maxFlow, flowOn: (edge) => original[edge]! - cap[edge]! };
}
