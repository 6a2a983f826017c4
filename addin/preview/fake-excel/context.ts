/**
 * The request context and the machinery every fake client object shares.
 *
 * It behaves like Office.js batching: setting a property or calling a method
 * only queues an action; `sync()` runs the queue in order against the state.
 * Reading a property throws unless it was `load`ed and a sync has completed,
 * which is the mistake Office.js code most often makes and a loose mock hides.
 */
import { FakeOfficeError, propertyNotLoaded } from "./errors.js";
import type { FakeWorkbookState } from "./state.js";

/** Excel for the web refuses requests or responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

interface QueuedAction {
  run: () => void;
  bytes: number;
}

export interface SyncStats {
  syncs: number;
  /** Estimated request size of each sync, in bytes (JSON of what was queued). */
  requestBytes: number[];
  /** Estimated response size of each sync, in bytes (JSON of what was loaded). */
  responseBytes: number[];
}

const utf8 = new TextEncoder();

/** The UTF-8 size of a value's JSON, as Office.js would serialise it into a request. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8.encode(json).length;
}

/** The per-action overhead of an object path and action record in a request. */
const ACTION_OVERHEAD_BYTES = 60;

export class FakeContextCore {
  readonly stats: SyncStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  private queue: QueuedAction[] = [];
  private afterSync: (() => number)[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly payloadLimitBytes = PAYLOAD_LIMIT_BYTES,
    readonly requestLimitBytes = payloadLimitBytes,
  ) {}

  enqueue(run: () => void, payload: unknown = undefined): void {
    this.queue.push({ run, bytes: ACTION_OVERHEAD_BYTES + jsonBytes(payload) });
  }

  /** Runs when the batch succeeds; returns the response bytes it delivers. */
  onSuccess(deliver: () => number): void {
    this.afterSync.push(deliver);
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.afterSync = [];
    this.stats.syncs += 1;
    const requestBytes = batch.reduce((sum, action) => sum + action.bytes, 0);
    this.stats.requestBytes.push(requestBytes);
    // Let the caller's promise chain settle first, as a real round trip would.
    await Promise.resolve();
    if (requestBytes > this.requestLimitBytes) {
      this.stats.responseBytes.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    // Actions before a failing one stay applied: Excel batches are not transactions.
    try {
      for (const action of batch) action.run();
    } catch (error) {
      this.afterSync = [];
      this.stats.responseBytes.push(0);
      throw error;
    }
    const deliveries = this.afterSync;
    this.afterSync = [];
    let responseBytes = 0;
    for (const deliver of deliveries) responseBytes += deliver();
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
  }
}

/** One property a client object exposes: how to read it from and write it to the target. */
export interface PropertySpec<T> {
  get?: (target: T) => unknown;
  set?: (target: T, value: unknown) => void;
}

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export function loadedNames(option: LoadOption): string[] {
  if (option === undefined) return [];
  const spec =
    typeof option === "object" && !Array.isArray(option) ? (option.select ?? []) : option;
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * A proxy for an object in the workbook. `locate` finds the target when the
 * queue runs (so an object added earlier in the same batch is found), and the
 * first answer is kept, as Office.js binds a path to its object.
 */
export abstract class FakeClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private bound: { target: T | null } | null = null;

  constructor(
    readonly context: FakeContextCore,
    private readonly locate: () => T | null,
    private readonly description: string,
  ) {}

  protected abstract properties(): Record<string, PropertySpec<T>>;

  /** Installs getters/setters for the properties, strict about load and sync. */
  protected install(): void {
    for (const [name, spec] of Object.entries(this.properties())) {
      Object.defineProperty(this, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (!this.loaded.has(name)) throw propertyNotLoaded(name);
          return this.loaded.get(name);
        },
        set: (value: unknown) => {
          if (!spec.set) throw new FakeOfficeError("InvalidOperation", `${name} is read-only.`);
          const write = spec.set;
          // Copy arrays so later changes by the caller do not leak into the queued action.
          const copy: unknown = structuredCopy(value);
          this.context.enqueue(() => write(this.target(), copy), copy);
        },
      });
    }
  }

  /** The state object, or throws ItemNotFound; runs only inside sync. */
  target(): T {
    const found = this.targetOrNull();
    if (found === null) {
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist: ${this.description}.`,
      );
    }
    return found;
  }

  targetOrNull(): T | null {
    if (!this.bound) this.bound = { target: this.locate() };
    return this.bound.target;
  }

  /** Marks the object as a null object check: `isNullObject` is set by the next sync. */
  trackNull(): void {
    this.context.enqueue(() => {
      const isNull = this.targetOrNull() === null;
      this.context.onSuccess(() => {
        this.loaded.set("isNullObject", isNull);
        return 10;
      });
    });
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw propertyNotLoaded("isNullObject");
    return this.loaded.get("isNullObject") as boolean;
  }

  load(option?: LoadOption): this {
    const names = loadedNames(option);
    if (names.length === 0)
      throw new FakeOfficeError(
        "InvalidArgument",
        "load() without property names loads everything: name the properties you need.",
      );
    const specs = this.properties();
    for (const name of names) {
      const base = name.split("/")[0] ?? name;
      if (!specs[base]?.get && !this.loadsNested(name)) {
        throw new FakeOfficeError(
          "PropertyNotFound",
          `${this.description} has no loadable property '${name}'.`,
        );
      }
    }
    this.context.enqueue(() => {
      const target = this.targetOrNull();
      const values = names.map(
        (name) => [name, target === null ? null : this.read(target, name)] as const,
      );
      this.context.onSuccess(() => {
        let bytes = 0;
        for (const [name, value] of values) {
          this.deliver(name, value);
          bytes += jsonBytes(value instanceof FakeClientObject ? null : value);
        }
        if (!this.loaded.has("isNullObject")) this.loaded.set("isNullObject", target === null);
        return bytes;
      });
    });
    return this;
  }

  /** Collections load "items/name"; plain objects have no nested loads by default. */
  protected loadsNested(_name: string): boolean {
    return false;
  }

  protected read(target: T, name: string): unknown {
    const getter = this.properties()[name]?.get;
    if (!getter) throw new FakeOfficeError("PropertyNotFound", `No property '${name}'.`);
    return structuredCopy(getter(target));
  }

  protected deliver(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Reads properties now (inside sync) for a collection's load. */
  snapshot(names: string[]): [string, unknown][] {
    const target = this.target();
    return names.map((name) => [name, this.read(target, name)]);
  }

  /** Takes values read by a collection's load; returns their response size. */
  receive(values: [string, unknown][]): number {
    let bytes = 0;
    for (const [name, value] of values) {
      this.deliver(name, value);
      bytes += jsonBytes(value);
    }
    this.loaded.set("isNullObject", false);
    return bytes;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function structuredCopy<V>(value: V): V {
  if (value === null || typeof value !== "object") return value;
  return JSON.parse(JSON.stringify(value)) as V;
}

/**
 * A collection: `items` are available after `load("items/name")` (or
 * `load("name")`, which Office.js reads the same way) and a sync.
 */
/** What a collection needs of its items: to be filled by the collection's load. */
export interface CollectionItem {
  snapshot(names: string[]): [string, unknown][];
  receive(values: [string, unknown][]): number;
}

export abstract class FakeCollection<T, Item extends CollectionItem> extends FakeClientObject<T[]> {
  protected abstract itemFor(target: T): Item;

  protected override properties(): Record<string, PropertySpec<T[]>> {
    return { items: { get: (targets) => targets } };
  }

  protected override loadsNested(_name: string): boolean {
    return true;
  }

  override load(option?: LoadOption): this {
    const names = loadedNames(option).map((n) => n.replace(/^items\//, ""));
    if (names.length === 0)
      throw new FakeOfficeError(
        "InvalidArgument",
        "Name the item properties to load, such as 'items/name'.",
      );
    this.context.enqueue(() => {
      const targets = this.target();
      const items = targets.map((t) => {
        const item = this.itemFor(t);
        return { item, values: item.snapshot(names) };
      });
      this.context.onSuccess(() => {
        let bytes = 0;
        for (const { item, values } of items) bytes += item.receive(values);
        this.loaded.set(
          "items",
          items.map((i) => i.item),
        );
        return bytes;
      });
    });
    return this;
  }

  get items(): Item[] {
    if (!this.loaded.has("items")) throw propertyNotLoaded("items");
    return this.loaded.get("items") as Item[];
  }
}
