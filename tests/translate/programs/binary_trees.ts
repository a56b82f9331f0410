// The binary-trees benchmark (allocation heavy, recursion).
import { type int } from '../../../translate/rlib/index.ts';

class TreeNode {
  left: TreeNode | null;
  right: TreeNode | null;
  constructor(left: TreeNode | null, right: TreeNode | null) {
    this.left = left;
    this.right = right;
  }
  check(): int {
    const l = this.left;
    const r = this.right;
    if (l === null || r === null) return 1;
    return 1 + l.check() + r.check();
  }
}

function bottomUp(depth: int): TreeNode {
  if (depth <= 0) return new TreeNode(null, null);
  return new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
}

export function main(argv: string[]): int {
  const maxDepth = 16;
  const stretch = maxDepth + 1;
  console.log(`stretch tree of depth ${stretch}\t check: ${bottomUp(stretch).check()}`);
  const longLived = bottomUp(maxDepth);
  for (let d = 4; d <= maxDepth; d += 2) {
    const iters = 1 << (maxDepth - d + 4);
    let check = 0;
    for (let i = 0; i < iters; i++) check += bottomUp(d).check();
    console.log(`${iters}\t trees of depth ${d}\t check: ${check}`);
  }
  console.log(`long lived tree of depth ${maxDepth}\t check: ${longLived.check()}`);
  return 0;
}
