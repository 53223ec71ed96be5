/** An Int32Array that grows: the builder's lists of postings and word pairs. */
export class IntList {
  data: Int32Array
  length = 0
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }
  /** Lets the memory go once the list has been read. */
  release(): void {
    this.data = new Int32Array(0)
    this.length = 0
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}
