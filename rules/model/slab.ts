/**
 * Small typed arrays cut from shared buffers. A typed array of its own costs V8 an ArrayBuffer with a backing store
 * outside the heap, tracked and swept by the collector: a cold check made one or more for every block (normalised
 * offset maps, key positions, quotation masks), and `new Int32Array` of a line's length was a quarter of
 * normalising it. A view into a slab is one small object. The slab is never handed out twice, so a view starts
 * zeroed like a new array; a slab lives while any view into it does (a few tens of KB at most beside the views).
 * Arrays longer than a slab's eighth get a buffer of their own. Nothing may transfer or detach a view's buffer.
 */
const INT32_SLAB = 8192;
let int32Slab = new Int32Array(INT32_SLAB);
let int32Used = 0;

/** A zeroed Int32Array of n elements. */
export function int32s(n: number): Int32Array {
  if (n > INT32_SLAB >> 3) return new Int32Array(n);
  if (int32Used + n > INT32_SLAB) {
    int32Slab = new Int32Array(INT32_SLAB);
    int32Used = 0;
  }
  const out = int32Slab.subarray(int32Used, int32Used + n);
  int32Used += n;
  return out;
}

const UINT8_SLAB = 32768;
let uint8Slab = new Uint8Array(UINT8_SLAB);
let uint8Used = 0;

/** A zeroed Uint8Array of n elements. */
export function uint8s(n: number): Uint8Array {
  if (n > UINT8_SLAB >> 3) return new Uint8Array(n);
  if (uint8Used + n > UINT8_SLAB) {
    uint8Slab = new Uint8Array(UINT8_SLAB);
    uint8Used = 0;
  }
  const out = uint8Slab.subarray(uint8Used, uint8Used + n);
  uint8Used += n;
  return out;
}
