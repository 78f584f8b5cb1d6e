import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFlowNetwork } from './max-flow';

describe('createFlowNetwork', () => {
  it('finds the textbook maximum flow of 23', () => {
    const net = createFlowNetwork(6);
    const edges: [number, number, number][] = [
      [0, 1, 16],
      [0, 2, 13],
      [1, 2, 10],
      [2, 1, 4],
      [1, 3, 12],
      [3, 2, 9],
      [2, 4, 14],
      [4, 3, 7],
      [3, 5, 20],
      [4, 5, 4],
    ];
    for (const [a, b, c] of edges) net.addEdge(a, b, c);
    expect(net.maxFlow(0, 5)).toBe(23);
  });

  it('equals the minimum cut found by brute force on small random graphs', () => {
    const graph = fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.integer({ min: 1, max: 5 })), {
      maxLength: 14,
    });
    fc.assert(
      fc.property(graph, (edges) => {
        const net = createFlowNetwork(5);
        for (const [a, b, c] of edges) if (a !== b) net.addEdge(a, b, c);
        let minCut = Infinity;
        // Every cut puts node 0 on the source side and node 4 on the sink side.
        for (let mask = 0; mask < 8; mask++) {
          const side = (v: number): boolean =>
            v === 0 || (v !== 4 && ((mask >> (v - 1)) & 1) === 1);
          const cut = edges
            .filter(([a, b]) => a !== b && side(a) && !side(b))
            .reduce((s, [, , c]) => s + c, 0);
          minCut = Math.min(minCut, cut);
        }
        expect(net.maxFlow(0, 4)).toBe(minCut);
      }),
      { numRuns: 200 },
    );
  });
});
