// The part of pako 1.x (no types of its own) that node-zlib.ts uses.
declare module 'pako' {
  export class Inflate {
    constructor(options?: { raw?: boolean });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, end: boolean): boolean;
    err: number;
    msg: string;
    ended: boolean;
  }
}
