// The part of pako 1.x (no types of its own) that node-zlib.ts and the charts' PNG encoder (src/cli/chart-png.ts) use.
declare module 'pako' {
  export function deflate(data: Uint8Array, options?: { level?: number }): Uint8Array;
  export class Inflate {
    constructor(options?: { raw?: boolean });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, end: boolean): boolean;
    err: number;
    msg: string;
    ended: boolean;
  }
}
